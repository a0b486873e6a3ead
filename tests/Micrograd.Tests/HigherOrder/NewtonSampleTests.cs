using Newton;

namespace Micrograd.Tests.HigherOrder;

/// <summary>
/// samples/Newton against the same two algorithms written out in CPython with the Rosenbrock function's
/// derivatives by hand (∂f/∂x = −2(1 − x) − 400x(y − x²), ∂f/∂y = 200(y − x²), and their derivatives), stopping at
/// distance 1e-10 from (1, 1). Every figure below is CPython's output.
/// </summary>
public sealed class NewtonSampleTests
{
    [Fact]
    public void Newtons_method_reaches_the_minimum_in_six_iterations_as_in_CPython()
    {
        Step[] steps = [.. Minimizers.Newton(Rosenbrock.Of, Rosenbrock.Start).TakeWhile(s => s.Iteration <= 6)];

        steps.Select(s => s.Distance <= 1e-10).Should().Equal(false, false, false, false, false, true);
        steps[^1].Point.Should().Equal(0.9999999999999999, 0.9999999999814724);
    }

    [Fact]
    public void Gradient_descent_needs_57432_iterations_as_in_CPython()
    {
        Step last = Minimizers.GradientDescent(Rosenbrock.Of, Rosenbrock.Start, learningRate: 0.001).First(s => s.Distance <= 1e-10);

        last.Iteration.Should().Be(57_432);
        last.Point.Should().Equal(0.9999999999553534, 0.999999999910528);
    }
}
