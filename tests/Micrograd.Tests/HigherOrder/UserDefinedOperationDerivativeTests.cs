using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.HigherOrder;

/// <summary>Operations of your own under <see cref="Gradients.Of"/>: numbers stop a second derivative, values do not.</summary>
public sealed class UserDefinedOperationDerivativeTests
{
    [Fact]
    public void Numeric_local_gradients_give_first_derivatives()
    {
        var x = new Value(0.5);
        Gradients.Of(Softsign.Numeric(x) * 2, [x])[0].Data.Should().Be(2 / (1.5 * 1.5));
    }

    [Fact]
    public void Numeric_local_gradients_refuse_createGraph_naming_the_operation_and_the_way_out()
    {
        var x = new Value(0.5);
        Value y = Softsign.Numeric(x).Tanh();

        FluentActions.Invoking(() => Gradients.Of(y, [x], createGraph: true))
            .Should().Throw<NotSupportedException>()
            .WithMessage("*'softsign'*createGraph*localGradients are values*any order*");
    }

    [Fact]
    public void Value_local_gradients_give_derivatives_of_every_order_that_match_TorchSharp()
    {
        var failures = new List<string>();
        foreach (double point in new[] { -3.5, -0.5, 0.25, 1.0, 2.7 })
        {
            var x = new Value(point);
            Value current = Softsign.Differentiable(x).Tanh(); // composed, so the chain rule meets the user's derivative
            using var scope = torch.NewDisposeScope();
            Tensor tx = Torch.Scalar(point);
            double[] expected = TorchDerivative.Successive(torch.nn.functional.softsign(tx).tanh(), tx, 3);
            for (int n = 0; n < 3; n++)
            {
                current = Gradients.Of(current, [x], createGraph: true)[0];
                if (!Closeness.AreClose(current.Data, expected[n], 1e-12))
                {
                    failures.Add($"d{n + 1} at {point}: {current.Data:R} vs TorchSharp {expected[n]:R}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public void Value_local_gradients_give_Backward_their_numbers()
    {
        var x = new Value(-0.5);
        Value y = Softsign.Differentiable(x);
        y.Backward();
        y.Data.Should().Be(-0.5 / 1.5);
        x.Grad.Should().Be(1 / (1.5 * 1.5));
        y.Operator.Should().Be("softsign");
        y.Inputs.Should().Equal(x);
    }

    [Fact]
    public void Value_local_gradients_are_checked_like_numeric_ones()
    {
        var x = new Value(1.0);
        FluentActions.Invoking(() => Value.Function("f", [x], 1, [x, x]))
            .Should().Throw<ArgumentException>().WithParameterName("localGradients").WithMessage("*inputs has 1 value and localGradients has 2 gradients*");
        FluentActions.Invoking(() => Value.Function("f", [x], 1, [(Value)null!]))
            .Should().Throw<ArgumentNullException>().WithParameterName("localGradients").WithMessage("localGradients[0] is null.*");
        FluentActions.Invoking(() => Value.Function("f", [null!], 1, [x]))
            .Should().Throw<ArgumentNullException>().WithParameterName("inputs").WithMessage("inputs[0] is null.*");
        FluentActions.Invoking(() => Value.Function(null!, [x], 1, [x]))
            .Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => Value.Function("f", null!, 1, [x]))
            .Should().Throw<ArgumentNullException>().WithParameterName("inputs");
    }

    [Fact]
    public void Value_local_gradients_cannot_be_replayed_and_Compile_says_so()
    {
        var x = new Value(1.0);
        FluentActions.Invoking(() => Softsign.Differentiable(x).Compile())
            .Should().Throw<NotSupportedException>().WithMessage("*'softsign'*evaluate*");
    }

    [Fact]
    public void A_second_derivative_through_a_Function_with_number_gradients_is_refused_with_the_way_out()
    {
        var x = new Value(2.0);
        Value y = Value.Function("square", [x], 4.0, [4.0]);
        Action act = () => Gradients.Of(y, [x], createGraph: true);
        act.Should().Throw<NotSupportedException>().WithMessage(
            "Cannot differentiate through the user-defined operation 'square' with createGraph: true: its local "
            + "gradients are numbers, which have no derivatives of their own. Make it with a Value.Function overload whose "
            + "localGradients are values built from the inputs (Value.Function(name, inputs, data, IReadOnlyList<Value> "
            + "localGradients), or Value.Function(name, inputs, evaluate, localGradients)); those can be differentiated to any order.");
    }
}
