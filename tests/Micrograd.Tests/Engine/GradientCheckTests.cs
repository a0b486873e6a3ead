using Micrograd.Tests.Reference;

namespace Micrograd.Tests.Engine;

/// <summary><see cref="Gradients.Check"/> against finite differences: every built-in operation passes, a wrong derivative fails.</summary>
public sealed class GradientCheckTests
{
    public static TheoryData<string, Func<IReadOnlyList<Value>, Value>, double[]> EveryOperation()
    {
        var data = new TheoryData<string, Func<IReadOnlyList<Value>, Value>, double[]>();
        foreach (Reference.UnaryOperations.Entry entry in Reference.UnaryOperations.All)
        {
            data.Add(entry.Case, x => entry.Method(x[0]), [entry.SmoothPoint]);
        }

        foreach (var (name, function, point) in Others())
        {
            data.Add(name, function, point);
        }

        return data;
    }

    private static (string, Func<IReadOnlyList<Value>, Value>, double[])[] Others() =>
    [
        ("+", x => x[0] + x[1], [0.7, -1.3]),
        ("-", x => x[0] - x[1], [0.7, -1.3]),
        ("*", x => x[0] * x[1], [0.7, -1.3]),
        ("/", x => x[0] / x[1], [0.7, -1.3]),
        ("** value", x => x[0].Pow(x[1]), [1.7, -1.3]),
        ("max", x => Value.Max(x[0], x[1]), [0.7, -1.3]),
        ("min", x => Value.Min(x[0], x[1]), [0.7, -1.3]),
        ("sum", x => Value.Sum(x[0], x[1], x[0]), [0.7, -1.3]),
        ("dot", x => Value.Dot([x[0], x[1]], [x[1], x[0]]), [0.7, -1.3]),
        ("affine", x => new AffineMap([[x[0], x[1]]], [x[2]], UnaryOperation.Tanh).Apply([x[1], x[2]])[0], [0.7, -1.3, 0.4]),
        ("README expression", ReadmeExpression, [-4.0, 2.0]),
    ];

    [Theory]
    [MemberData(nameof(EveryOperation))]
    public void Every_built_in_operation_passes(string name, Func<IReadOnlyList<Value>, Value> function, double[] point)
    {
        GradientCheck check = Gradients.Check(function, point);
        check.Passed.Should().BeTrue("{0} should pass:\n{1}", name, check);
        check.MaxError.Should().BeLessThan(1e-7);
    }

    [Fact]
    public void A_wrong_user_defined_derivative_is_flagged()
    {
        // softsign(x) = x / (1 + |x|) has derivative 1 / (1 + |x|)²; this one forgets the square.
        static Value WrongSoftsign(Value x)
        {
            double d = 1 + Math.Abs(x.Data);
            return Value.Function("softsign", [x], x.Data / d, [1 / d]);
        }

        GradientCheck check = Gradients.Check(x => WrongSoftsign(x[0]) + x[1], [1.5, 2.0]);
        check.Passed.Should().BeFalse();
        check.Analytic[0].Should().BeApproximately(1 / 2.5, 1e-15);
        check.Numeric[0].Should().BeApproximately(1 / 6.25, 1e-9);
        check.Errors[0].Should().BeApproximately(1 / 2.5 - 1 / 6.25, 1e-9);
        check.Errors[1].Should().BeLessThan(1e-9, "the second input's derivative is right");
        check.MaxError.Should().Be(check.Errors[0]);
        check.ToString().Split('\n')[2].Should().EndWith("<-", "the table marks the failing input");
        check.ToString().Split('\n')[3].Should().NotEndWith("<-");
    }

    [Fact]
    public void The_derivatives_are_Backwards_and_the_central_differences_at_the_point()
    {
        GradientCheck check = Gradients.Check(x => x[0] * x[0] * x[0], [2.0]);
        check.Point.Should().Equal(2.0);
        check.Output.Should().Be(8.0);
        check.Analytic[0].Should().Be(12.0);
        check.Numeric[0].Should().BeApproximately(12.0, 1e-8);
        check.Tolerance.Should().Be(1e-6);
    }

    [Fact]
    public void A_NaN_derivative_fails_and_makes_the_maximum_error_NaN()
    {
        GradientCheck check = Gradients.Check(x => x[0].Sqrt() + x[1], [-1.0, 1.0]);
        check.Passed.Should().BeFalse();
        double.IsNaN(check.MaxError).Should().BeTrue();
    }

    [Fact]
    public void ToString_is_a_table_with_a_header_and_one_line_per_input()
    {
        string[] lines = Gradients.Check(x => x[0] * x[1], [3.0, 4.0]).ToString().TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(4);
        lines[0].Should().StartWith("Gradient check passed");
        lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("input", "point", "analytic", "numeric", "error");
        string[] first = lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        first[0].Should().Be("0");
        first[1].Should().Be("3");
        first[2].Should().Be("4", "d(xy)/dx = y = 4 exactly");
        double.Parse(first[3], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(4, 1e-9);
    }

    [Fact]
    public void Bad_arguments_are_refused_by_name()
    {
        FluentActions.Invoking(() => Gradients.Check(null!, [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("function");
        FluentActions.Invoking(() => Gradients.Check(x => x[0], null!)).Should().Throw<ArgumentNullException>().WithParameterName("point");
        FluentActions.Invoking(() => Gradients.Check(x => x[0], [1.0], -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance")
            .WithMessage("The tolerance must be 0 or more. (Parameter 'tolerance')*Actual value was -1.");
        FluentActions.Invoking(() => Gradients.Check(x => x[0], [1.0], double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance");
        FluentActions.Invoking(() => Gradients.Check(_ => null!, [1.0])).Should().Throw<InvalidOperationException>()
            .WithMessage("The function returned null instead of a value.");
    }

    // f(x, y) = 2x + y, whose derivative with respect to y is given wrongly as 4. At (0, 0) both central
    // differences are exact: 2(x + h) - 2(x - h) = 4h and (0 + h) - (0 - h) = 2h, divided by 2h, so the numeric
    // derivatives are 2 and 1 exactly, and the errors 0 and |4 - 1| / max(1, 4, 1) = 0.75.
    private static Value TwoXPlusYWithAWrongSlope(IReadOnlyList<Value> x) =>
        2 * x[0] + Value.Function("wrong", [x[1]], x[1].Data, [4.0]);

    [Fact]
    public void Each_error_is_relative_to_the_larger_derivative_and_the_largest_is_reported()
    {
        GradientCheck check = Gradients.Check(TwoXPlusYWithAWrongSlope, [0.0, 0.0]);

        check.Analytic.Should().Equal(2.0, 4.0);
        check.Numeric.Should().Equal(2.0, 1.0);
        check.Errors.Should().Equal(0.0, 0.75);
        check.MaxError.Should().Be(0.75);
        check.Passed.Should().BeFalse();
    }

    [Fact]
    public void An_error_equal_to_the_tolerance_passes()
    {
        Gradients.Check(TwoXPlusYWithAWrongSlope, [0.0, 0.0], tolerance: 0.75).Passed.Should().BeTrue();
        Gradients.Check(TwoXPlusYWithAWrongSlope, [0.0, 0.0], tolerance: 0.7499999999999999).Passed.Should().BeFalse();
        Gradients.Check(x => 2 * x[0], [0.0], tolerance: 0).Passed.Should().BeTrue("both derivatives are exactly 2");
    }

    [Fact]
    public void ToString_shows_the_outcome_and_marks_each_failing_input()
    {
        static string Row(string input, string point, string analytic, string numeric, string error) =>
            input.PadLeft(5) + "  " + point.PadRight(24) + " " + analytic.PadRight(24) + " " + numeric.PadRight(24) + " " + error;

        Gradients.Check(TwoXPlusYWithAWrongSlope, [0.0, 0.0]).ToString().Should().Be(
            "Gradient check FAILED: max error 0.75, tolerance 1E-06\n"
            + Row("input", "point", "analytic", "numeric", "error") + "\n"
            + Row("0", "0", "2", "2", "0") + "\n"
            + Row("1", "0", "4", "1", "0.75") + "  <-\n");
        Gradients.Check(TwoXPlusYWithAWrongSlope, [0.0, 0.0], tolerance: 0.75).ToString().Should().Be(
            "Gradient check passed: max error 0.75, tolerance 0.75\n"
            + Row("input", "point", "analytic", "numeric", "error") + "\n"
            + Row("0", "0", "2", "2", "0") + "\n"
            + Row("1", "0", "4", "1", "0.75") + "\n");
        Gradients.Check(x => x[0] / 3, [0.1]).ToString().Split('\n')[2].Should().StartWith(Row("0", "0.1", "0.3333333333333333", "", "").TrimEnd(),
            "numbers are shown round-trip, not rounded");
    }

    [Fact]
    public void ToString_shows_the_errors_to_three_significant_digits()
    {
        // The derivative of the identity given as 3: error |3 - 1| / 3 = 0.666…
        GradientCheck check = Gradients.Check(x => Value.Function("wrong", [x[0]], x[0].Data, [3.0]), [0.0]);

        check.ToString().Should().StartWith("Gradient check FAILED: max error 0.667, tolerance 1E-06\n").And.EndWith(" 0.667  <-\n");
    }

    [Fact]
    public void The_step_grows_with_the_coordinate_so_large_points_are_checked_as_closely_as_small_ones()
    {
        // d(x³)/dx = 3e12 at 1e6. With h = ∛ε · |x| ≈ 6 the rounding error of f(x ± h) ≈ 1e18 is about 1e-11 of the
        // difference; a step of ∛ε alone would make it about 1e-5.
        GradientCheck check = Gradients.Check(x => x[0] * x[0] * x[0], [1e6]);
        check.Analytic[0].Should().Be(3e12);
        check.MaxError.Should().BeLessThan(1e-9);
    }

    [Fact]
    public void Infinite_derivatives_that_agree_count_as_no_error()
    {
        // A spike just right of 1: +∞ on (1, 1 + 0.75h), 0 elsewhere, with its derivative given as +∞. The narrow
        // difference at 1 ± h/2 straddles the spike and is +∞; the wide one at 1 ± h misses it and is 0; so the
        // extrapolated numeric derivative is +∞ too.
        double h = Math.Cbrt(Math.Pow(2, -52)); // the documented step for a point of size at most 1
        Value Spike(IReadOnlyList<Value> x) =>
            Value.Function("spike", [x[0]], x[0].Data > 1 && x[0].Data < 1 + 0.75 * h ? double.PositiveInfinity : 0, [double.PositiveInfinity]);

        GradientCheck check = Gradients.Check(Spike, [1.0]);

        check.Analytic[0].Should().Be(double.PositiveInfinity);
        check.Numeric[0].Should().Be(double.PositiveInfinity);
        check.Errors[0].Should().Be(0);
        check.Passed.Should().BeTrue();
    }

    private static Value ReadmeExpression(IReadOnlyList<Value> x) => MicrogradReadme.Expression(x[0], x[1]);
}
