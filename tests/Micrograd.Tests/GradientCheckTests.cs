namespace Micrograd.Tests;

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
        FluentActions.Invoking(() => Gradients.Check(x => x[0], [1.0], -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance");
        FluentActions.Invoking(() => Gradients.Check(x => x[0], [1.0], double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance");
        FluentActions.Invoking(() => Gradients.Check(_ => null!, [1.0])).Should().Throw<InvalidOperationException>();
    }

    private static Value ReadmeExpression(IReadOnlyList<Value> x)
    {
        Value a = x[0], b = x[1];
        var c = a + b;
        var d = a * b + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += d * 2 + (b + a).Tanh();
        d += 3 * d + (b - a).Tanh();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        return g;
    }
}
