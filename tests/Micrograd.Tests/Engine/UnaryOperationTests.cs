using Micrograd.Tests.Reference;

namespace Micrograd.Tests.Engine;

/// <summary>Each <see cref="UnaryOperation"/> is the same function as the <see cref="Value"/> method it names.</summary>
public sealed class UnaryOperationTests
{
    [Theory]
    [MemberData(nameof(UnaryOperations.Theory), MemberType = typeof(UnaryOperations))]
    public void Apply_and_Evaluate_give_what_the_method_gives(UnaryOperations.Entry entry)
    {
        (UnaryOperation operation, Func<Value, Value> method) = (entry.Operation, entry.Method);
        foreach (double x in new[] { -2.5, -0.3, 0.0, 0.8, 4.0 })
        {
            var a = new Value(x);
            var b = new Value(x);
            Value viaOperation = operation.Apply(a);
            Value viaMethod = method(b);
            viaOperation.Backward();
            viaMethod.Backward();

            viaOperation.Data.Should().Be(viaMethod.Data);
            a.Grad.Should().Be(b.Grad);
            viaOperation.Operator.Should().Be(viaMethod.Operator).And.Be(operation.Name);
            viaOperation.Inputs.Should().Equal(a);
            operation.Evaluate(x).Should().Be(viaMethod.Data);
        }
    }

    [Fact]
    public void The_test_table_names_every_operation_and_each_has_its_own_name()
    {
        // Every UnaryOperation property and factory is in the table that the operation tests read.
        var names = UnaryOperations.All.Select(entry => entry.Operation.Name).ToHashSet();
        foreach (var property in typeof(UnaryOperation).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            names.Should().Contain(((UnaryOperation)property.GetValue(null)!).Name, "UnaryOperation.{0} should be in the test table", property.Name);
        }

        foreach (var method in typeof(UnaryOperation).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(m => m.ReturnType == typeof(UnaryOperation) && !m.IsSpecialName))
        {
            Type made = method.Invoke(null, new object[] { 2.0 })!.GetType();
            UnaryOperations.All.Should().Contain(entry => entry.Operation.GetType() == made, "UnaryOperation.{0} should be in the test table", method.Name);
        }

        typeof(UnaryOperation).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(p => ((UnaryOperation)p.GetValue(null)!).Name).Should().OnlyHaveUniqueItems()
            .And.Contain(["neg", "exp", "log", "tanh", "ReLU", "sigmoid", "softplus", "sin", "cos", "sqrt", "abs", "gelu"]);
        UnaryOperation.LeakyRelu(0.3).Name.Should().Be("leaky_relu(0.3)");
        UnaryOperation.Pow(3).Name.Should().Be("**3");
        UnaryOperation.Tanh.ToString().Should().Be("tanh");
    }

    [Fact]
    public void Applying_to_null_is_refused_by_name() =>
        FluentActions.Invoking(() => UnaryOperation.Tanh.Apply(null!)).Should().Throw<ArgumentNullException>().WithParameterName("value");
}
