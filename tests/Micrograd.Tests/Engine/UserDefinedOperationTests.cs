using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Engine;

/// <summary><see cref="Value.Function"/>: an operation whose value and local gradients the caller computes.</summary>
public sealed class UserDefinedOperationTests
{
    // softsign(x) = x / (1 + |x|), d/dx = 1 / (1 + |x|)²
    private static Value Softsign(Value x)
    {
        double d = 1 + Math.Abs(x.Data);
        return Value.Function("softsign", [x], x.Data / d, [1 / (d * d)]);
    }

    [Fact]
    public void Softsign_defined_by_the_user_matches_TorchSharp_inside_a_larger_graph() =>
        ReferenceCheck.Unary(
            a => (Softsign(a * 2) + a).Tanh(),
            a => (torch.nn.functional.softsign(a * 2) + a).tanh(),
            ReferenceCheck.Inputs);

    [Fact]
    public void Its_operator_and_inputs_are_the_ones_given_and_pictures_show_its_name()
    {
        var a = new Value(2.0);
        var b = new Value(3.0);
        Value f = Value.Function("hypot", [a, b], Math.Sqrt(13), [2 / Math.Sqrt(13), 3 / Math.Sqrt(13)]);
        f.Operator.Should().Be("hypot");
        f.Inputs.Should().Equal(a, b);
        f.IsLeaf.Should().BeFalse();
        f.ToDot().Should().Contain("label=\"hypot\"");
        f.ToMermaid().Should().Contain("((\"hypot\"))");
    }

    [Fact]
    public void Each_input_receives_the_upstream_gradient_times_its_local_gradient_and_a_repeated_input_both()
    {
        var x = new Value(3.0);
        var y = new Value(-1.0);
        Value f = Value.Function("f", [x, y, x], 0.0, [2.0, 5.0, 0.25]);
        Value g = f * 4; // upstream gradient 4
        g.Backward();
        x.Grad.Should().Be(4 * 2.0 + 4 * 0.25);
        y.Grad.Should().Be(4 * 5.0);
    }

    [Fact]
    public void The_lists_are_copied_so_later_changes_to_them_do_not_reach_the_graph()
    {
        var x = new Value(1.0);
        var inputs = new List<Value> { x };
        var gradients = new List<double> { 3.0 };
        Value f = Value.Function("f", inputs, 1.0, gradients);
        inputs[0] = new Value(7.0);
        gradients[0] = 100.0;
        f.Backward();
        x.Grad.Should().Be(3.0);
        f.Inputs.Should().Equal(x);
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Value x = new(1.0);
        FluentActions.Invoking(() => Value.Function(null!, [x], 1, [1])).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => Value.Function("f", null!, 1, [1])).Should().Throw<ArgumentNullException>().WithParameterName("inputs");
        FluentActions.Invoking(() => Value.Function("f", [x], 1, (IReadOnlyList<double>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("localGradients");
        FluentActions.Invoking(() => Value.Function("f", [x], 1, (IReadOnlyList<Value>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("localGradients");
        FluentActions.Invoking(() => Value.Function("f", [x], null!, inputs => inputs)).Should().Throw<ArgumentNullException>().WithParameterName("evaluate");
        FluentActions.Invoking(() => Value.Function("f", [x], (input, gradients) => input[0], null!)).Should().Throw<ArgumentNullException>().WithParameterName("localGradients");
    }

    [Fact]
    public void A_null_input_is_refused_with_its_index()
    {
        Action act = () => Value.Function("f", [new Value(1.0), null!], 1, [1, 2]);
        act.Should().Throw<ArgumentNullException>().WithParameterName("inputs").WithMessage("inputs[1] is null.*");
    }

    [Fact]
    public void A_count_mismatch_is_refused_with_both_counts()
    {
        Action act = () => Value.Function("f", [new Value(1.0), new Value(2.0)], 1, [1, 2, 3]);
        act.Should().Throw<ArgumentException>().WithParameterName("localGradients").WithMessage("*inputs has 2*localGradients has 3*");
    }

    [Fact]
    public void Function_with_a_gradient_count_unlike_the_input_count_names_both_counts()
    {
        var x = new Value(1.0);
        Action numbers = () => Value.Function("f", [x, x], 0.0, [1.0]);
        Action values = () => Value.Function("f", [x, x], 0.0, [x]);
        foreach (Action act in new[] { numbers, values })
        {
            act.Should().Throw<ArgumentException>()
                .WithMessage("There must be one local gradient per input: inputs has 2 values and localGradients has 1 gradient.*")
                .WithParameterName("localGradients");
        }
    }

    [Fact]
    public void Function_with_a_null_input_names_the_index()
    {
        Action act = () => Value.Function("f", [new Value(1.0), null!], 0.0, [1.0, 1.0]);
        act.Should().Throw<ArgumentNullException>()
            .WithMessage("inputs[1] is null.*")
            .WithParameterName("inputs");
    }
}
