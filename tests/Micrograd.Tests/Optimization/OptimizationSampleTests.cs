using System.Globalization;
using System.Text.RegularExpressions;
using Optimization;

namespace Micrograd.Tests.Optimization;

/// <summary>
/// samples/Optimization's printed output against CPython: optimization_sample_reference.py (beside this file) runs
/// gradient descent on both Rosenbrock functions and fits the damped oscillation with the derivatives written by hand;
/// every expected figure below is its output. Math.NET's own iteration counts are its business: for its minimizers
/// the test asks that they reach the known minimum (1, …, 1).
/// </summary>
public sealed class OptimizationSampleTests
{
    private static readonly Lazy<string[]> s_output = new(() =>
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Report.Write(writer, dense: false);
        return writer.ToString().Split('\n', StringSplitOptions.TrimEntries);
    });

    [Fact]
    public void Gradient_descent_in_2_dimensions_takes_the_43605_steps_CPython_takes()
    {
        string[] row = Row("gradient descent, rate 0.001");

        row[1].Should().Be("43,605");
        row[2].Should().Be("43,606", "one evaluation per step and one at the start");
        Number(row[4]).Should().BeApproximately(2.5037710908689136e-08, 0.005 * 2.5e-08);
        Number(row[5]).Should().BeApproximately(1.2517703123711922e-16, 0.005 * 1.25e-16);
    }

    [Theory]
    [InlineData("BfgsMinimizer")]
    [InlineData("LimitedMemoryBfgsMinimizer")]
    [InlineData("NewtonMinimizer")]
    public void Math_NET_s_minimizers_reach_the_minimum_in_2_dimensions(string method)
    {
        string[] row = Rows(method)[0]; // the 2-dimensional table comes first

        Number(row[4]).Should().BeLessThan(1e-8, "distance to (1, 1)");
        Number(row[5]).Should().BeLessThan(1e-16, "f there");
        Count(row[2]).Should().BeGreaterThanOrEqualTo(Count(row[1]), "at least one evaluation per iteration");
    }

    [Fact]
    public void Newtons_method_with_Micrographs_Hessian_needs_a_handful_of_iterations_in_2_dimensions()
    {
        // Plain Newton from (-1.2, 1) lands on (1, 1) in 6 steps (samples/Newton's CPython check).
        Count(Rows("NewtonMinimizer")[0][1]).Should().BeLessThanOrEqualTo(6);
    }

    [Fact]
    public void Gradient_descent_in_1000_dimensions_gets_where_CPython_gets_in_5000_steps()
    {
        string[] row = Row("gradient descent, rate 0.0002");

        row[1].Should().Be("5,000");
        Number(row[4]).Should().BeApproximately(31.27128618466992, 0.005 * 31.27);
        Number(row[5]).Should().BeApproximately(987.0610430567033, 0.005 * 987.06);
        row[6].Should().Be("(stopped at its iteration budget)");
    }

    [Fact]
    public void Limited_memory_BFGS_reaches_the_minimum_in_1000_dimensions()
    {
        string[] row = Rows("LimitedMemoryBfgsMinimizer")[1];

        Number(row[4]).Should().BeLessThan(1e-6);
        Number(row[5]).Should().BeLessThan(1e-12);
    }

    [Fact]
    public void The_fit_finds_CPythons_least_squares_parameters_and_standard_errors()
    {
        double[] parameters = [2.4984493384400195, 0.29810394565090786, 1.9992175602227178, 0.5024617874069558];
        double[] errors = [0.01551829964634817, 0.0025742579371187788, 0.002436650480109527, 0.005359509993517357];
        double[] truth = [2.5, 0.3, 2.0, 0.5];
        string[] names = ["a", "b", "c", "d"];
        for (int j = 0; j < 4; j++)
        {
            string[] row = Row(names[j]);
            Number(row[1]).Should().Be(truth[j]);
            Number(row[3]).Should().BeApproximately(parameters[j], 1e-6, $"parameter {names[j]} (printed to 6 decimals)");
            Number(row[4]).Should().BeApproximately(errors[j], 1e-6, $"the standard error of {names[j]}");
        }
    }

    private static string[] Row(string first) => Rows(first).Should().ContainSingle().Subject;

    /// <summary>The printed rows whose first column is <paramref name="first"/>, split at runs of two or more spaces.</summary>
    private static List<string[]> Rows(string first) =>
        [.. s_output.Value.Select(line => Regex.Split(line, " {2,}")).Where(columns => columns[0] == first)];

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Count(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
