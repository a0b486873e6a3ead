namespace Micrograd.Tests;

/// <summary>Each <see cref="UnaryOperation"/> is the same function as the <see cref="Value"/> method it names.</summary>
public sealed class UnaryOperationTests
{
    public static TheoryData<UnaryOperation, Func<Value, Value>> Pairs() => new()
    {
        { UnaryOperation.Negate, x => -x },
        { UnaryOperation.Exp, x => x.Exp() },
        { UnaryOperation.Log, x => x.Log() },
        { UnaryOperation.Tanh, x => x.Tanh() },
        { UnaryOperation.Relu, x => x.Relu() },
        { UnaryOperation.Sigmoid, x => x.Sigmoid() },
        { UnaryOperation.Softplus, x => x.Softplus() },
        { UnaryOperation.Sin, x => x.Sin() },
        { UnaryOperation.Cos, x => x.Cos() },
        { UnaryOperation.Sqrt, x => x.Sqrt() },
        { UnaryOperation.Abs, x => x.Abs() },
        { UnaryOperation.Gelu, x => x.Gelu() },
        { UnaryOperation.LeakyRelu(), x => x.LeakyRelu() },
        { UnaryOperation.LeakyRelu(0.3), x => x.LeakyRelu(0.3) },
        { UnaryOperation.Power(3), x => x.Pow(3) },
        { UnaryOperation.Power(-0.5), x => x.Pow(-0.5) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Apply_and_Evaluate_give_what_the_method_gives(UnaryOperation operation, Func<Value, Value> method)
    {
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
    public void Every_operation_has_its_own_name()
    {
        Pairs().Select(row => ((UnaryOperation)row[0]).Name).Where(n => !n.StartsWith("**") && n != "LeakyReLU").Should().OnlyHaveUniqueItems()
            .And.Contain(["neg", "exp", "log", "tanh", "ReLU", "sigmoid", "softplus", "sin", "cos", "sqrt", "abs", "GELU"]);
        UnaryOperation.LeakyRelu(0.3).Name.Should().Be("LeakyReLU");
        UnaryOperation.Power(3).Name.Should().Be("**3");
        UnaryOperation.Tanh.ToString().Should().Be("tanh");
    }

    [Fact]
    public void Applying_to_null_is_refused_by_name() =>
        FluentActions.Invoking(() => UnaryOperation.Tanh.Apply(null!)).Should().Throw<ArgumentNullException>().WithParameterName("value");
}
