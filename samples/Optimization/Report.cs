using System.Globalization;
using Micrograd;

namespace Optimization;

/// <summary>Runs every comparison and prints it: the sample's whole output.</summary>
public static class Report
{
    /// <summary>Gradient-norm tolerance at which every method stops.</summary>
    public const double GradientTolerance = 1e-8;

    /// <summary>Gradient descent's step sizes: the largest round rates that stay stable from each start.</summary>
    public const double RateIn2Dimensions = 1e-3;

    /// <summary>See <see cref="RateIn2Dimensions"/>.</summary>
    public const double RateIn1000Dimensions = 2e-4;

    /// <summary>Gradient descent's budget in 1,000 dimensions, where it would need far more.</summary>
    public const int DescentIterationsIn1000Dimensions = 5_000;

    /// <summary>Prints the Rosenbrock comparisons in 2 and 1,000 dimensions and the curve fit.</summary>
    /// <param name="output">Where to print.</param>
    /// <param name="dense">Also run the dense methods (BFGS, Newton) in 1,000 dimensions, which takes minutes.</param>
    public static void Write(TextWriter output, bool dense)
    {
        double[] start2 = [-1.2, 1.0];
        output.WriteLine("Rosenbrock function in 2 dimensions, f(x, y) = 100 (y - x²)² + (1 - x)², from (-1.2, 1);");
        output.WriteLine(Invariant($"the minimum is f(1, 1) = 0. Every method stops when |gradient| < {GradientTolerance:0e0}."));
        CompiledFunction f2 = Gradients.Compile(Rosenbrock.Of, start2);
        WriteTable(output, start2.Length,
        [
            Minimization.GradientDescent(f2, start2, RateIn2Dimensions, GradientTolerance, maximumIterations: 1_000_000),
            Minimization.Bfgs(f2, start2, GradientTolerance, maximumIterations: 1_000),
            Minimization.LimitedMemoryBfgs(f2, start2, GradientTolerance, maximumIterations: 1_000),
            Minimization.Newton(f2, start2, GradientTolerance, maximumIterations: 100),
        ]);

        output.WriteLine();
        double[] start1000 = [.. Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? -1.2 : 1.0)];
        output.WriteLine("Chained Rosenbrock function in 1,000 dimensions, f(x) = Σ 100 (xᵢ₊₁ - xᵢ²)² + (1 - xᵢ)², from (-1.2, 1, -1.2, 1, …);");
        output.WriteLine("the minimum is f(1, …, 1) = 0. One compiled graph serves every call:");
        CompiledFunction f1000 = Gradients.Compile(Rosenbrock.Of, start1000);
        output.WriteLine(Invariant($"  {f1000}"));
        List<Outcome> outcomes =
        [
            Minimization.GradientDescent(f1000, start1000, RateIn1000Dimensions, GradientTolerance, DescentIterationsIn1000Dimensions),
            Minimization.LimitedMemoryBfgs(f1000, start1000, GradientTolerance, maximumIterations: 100_000),
        ];
        if (dense)
        {
            outcomes.Add(Minimization.Bfgs(f1000, start1000, GradientTolerance, maximumIterations: 10_000));
            outcomes.Add(Minimization.Newton(f1000, start1000, GradientTolerance, maximumIterations: 100));
        }

        WriteTable(output, start1000.Length, outcomes);
        if (!dense)
        {
            output.WriteLine("  (BfgsMinimizer and NewtonMinimizer keep a dense 1,000 × 1,000 matrix and take minutes here: --dense runs them.)");
        }

        output.WriteLine();
        CurveFit.Fit fit = CurveFit.Run();
        output.WriteLine("Fitting y = a·exp(-b·t)·cos(c·t + d) to 100 samples at t = 0, 0.1, …, 9.9 with noise in ±0.05,");
        output.WriteLine("by LevenbergMarquardtMinimizer with the model's Jacobian from Micrograd:");
        output.WriteLine("  parameter        true       start        found  standard error");
        string[] names = ["a", "b", "c", "d"];
        for (int j = 0; j < names.Length; j++)
        {
            output.WriteLine(Invariant(
                $"  {names[j],-9}  {CurveFit.TrueParameters[j],10:0.000}  {CurveFit.Start[j],10:0.000}  {fit.Parameters[j],11:0.000000}  {fit.StandardErrors[j],14:0.000000}"));
        }

        output.WriteLine(Invariant($"  {fit.Iterations} iterations, {fit.JacobianEvaluations} Jacobians, {Seconds(fit.Time)}; stopped on {fit.ReasonForExit}."));
    }

    private static void WriteTable(TextWriter output, int dimensions, IEnumerable<Outcome> outcomes)
    {
        output.WriteLine("  method                          iterations  evaluations       time  distance to optimum         f");
        foreach (Outcome outcome in outcomes)
        {
            // Math.NET throws at its iteration limit without the last point: then neither is known (-1, NaN).
            string iterations = outcome.Iterations >= 0 ? Invariant($"{outcome.Iterations:N0}") : "-";
            string distance = outcome.Iterations >= 0 ? Invariant($"{Rosenbrock.DistanceToMinimum(outcome.Point):0.00e+00}") : "-";
            string value = double.IsNaN(outcome.Value) ? "-" : Invariant($"{outcome.Value:0.00e+00}");
            string note = outcome.Converged ? string.Empty : outcome.Iterations < 0 ? "  (no convergence: Math.NET stopped at its iteration limit)" : "  (stopped at its iteration budget)";
            output.WriteLine(Invariant(
                $"  {outcome.Method,-30}  {iterations,10}  {outcome.Evaluations,11:N0}  {Seconds(outcome.Time),9}  {distance,19}  {value,9}{note}"));
        }
    }

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:0.000} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
