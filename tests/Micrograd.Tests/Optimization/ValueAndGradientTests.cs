using static Micrograd.Tests.Optimization.TestFunctions;

namespace Micrograd.Tests.Optimization;

/// <summary><see cref="Gradients.ValueAndGradient"/>: the value and the gradient from one graph, touching no gradient of the caller's.</summary>
public sealed class ValueAndGradientTests
{
    [Fact]
    public void It_gives_what_Backward_gives_bit_for_bit_kinks_included()
    {
        var random = new Random(11);
        for (int k = 0; k < 100; k++)
        {
            double[] point = RandomPoint(random, 4, 3);
            (double value, double[] gradient) = Gradients.ValueAndGradient(Kinked, point);
            (double expectedValue, double[] expectedGradient) = Rebuild(Kinked, point);
            Same(value, expectedValue).Should().BeTrue();
            gradient.Zip(expectedGradient).Should().OnlyContain(pair => Same(pair.First, pair.Second));
        }
    }

    [Fact]
    public void The_Rosenbrock_value_and_gradient_match_the_formulas_by_hand()
    {
        // At (-1.2, 1): f = 24.2, ∇f = (-215.6, -88), to rounding.
        (double value, double[] gradient) = Gradients.ValueAndGradient(Rosenbrock, [-1.2, 1.0]);
        (double expectedValue, double[] expectedGradient) = RosenbrockByHand([-1.2, 1.0]);
        value.Should().BeApproximately(expectedValue, 1e-12);
        gradient[0].Should().BeApproximately(expectedGradient[0], 1e-12);
        gradient[1].Should().BeApproximately(expectedGradient[1], 1e-12);
        expectedGradient[0].Should().BeApproximately(-215.6, 1e-12);
    }

    [Fact]
    public void It_calls_the_function_once_and_leaves_captured_values_gradients_alone()
    {
        var weight = new Value(2.0) { Grad = 0.5 };
        int calls = 0;
        (double value, double[] gradient) = Gradients.ValueAndGradient(v => { calls++; return weight * v[0] * v[0]; }, [3.0]);

        value.Should().Be(18);
        gradient.Should().Equal(12);
        weight.Grad.Should().Be(0.5);
        calls.Should().Be(1);
    }

    [Fact]
    public void Its_result_deconstructs_into_a_value_and_a_gradient()
    {
        var result = Gradients.ValueAndGradient(v => v[0] * v[0] * v[1], [3.0, 5.0]);
        result.Value.Should().Be(45);
        result.Gradient.Should().Equal(30, 9);
    }
}
