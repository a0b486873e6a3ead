using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Micrograd;

namespace Optimization;

/// <summary>How one method did: its steps, the function evaluations they took, the time, and where it stopped.</summary>
public sealed record Outcome(string Method, int Iterations, int Evaluations, TimeSpan Time, double[] Point, double Value, bool Converged);

/// <summary>Four ways down the Rosenbrock valley, all fed by one compiled Micrograd function.</summary>
public static class Minimization
{
    /// <summary>Plain gradient descent, x ← x − rate · ∇f(x), until the gradient's norm is below the tolerance.</summary>
    public static Outcome GradientDescent(CompiledFunction function, double[] start, double rate, double gradientTolerance, int maximumIterations)
    {
        var stopwatch = Stopwatch.StartNew();
        double[] x = [.. start];
        double[] gradient = new double[x.Length];
        double value = function.Evaluate(x, gradient);
        int iterations = 0;
        while (Norm(gradient) >= gradientTolerance && iterations < maximumIterations)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] -= rate * gradient[i];
            }

            value = function.Evaluate(x, gradient);
            iterations++;
        }

        return new Outcome($"gradient descent, rate {rate}", iterations, iterations + 1, stopwatch.Elapsed, x, value, Norm(gradient) < gradientTolerance);
    }

    /// <summary>Math.NET's BFGS: a dense n × n approximation of the inverse Hessian, from gradients alone.</summary>
    public static Outcome Bfgs(CompiledFunction function, double[] start, double gradientTolerance, int maximumIterations) =>
        Run("BfgsMinimizer", function, start, objective => new BfgsMinimizer(gradientTolerance, 0, 0, maximumIterations).FindMinimum(objective.WithGradient(), Vector(start)));

    /// <summary>Math.NET's limited-memory BFGS: the last 10 steps stand in for the Hessian, so memory is O(n).</summary>
    public static Outcome LimitedMemoryBfgs(CompiledFunction function, double[] start, double gradientTolerance, int maximumIterations) =>
        Run("LimitedMemoryBfgsMinimizer", function, start, objective => new LimitedMemoryBfgsMinimizer(gradientTolerance, 0, 0, memory: 10, maximumIterations).FindMinimum(objective.WithGradient(), Vector(start)));

    /// <summary>Math.NET's Newton's method, x ← x − H⁻¹∇f, with the exact Hessian from Micrograd.</summary>
    public static Outcome Newton(CompiledFunction function, double[] start, double gradientTolerance, int maximumIterations) =>
        Run("NewtonMinimizer", function, start, objective => new NewtonMinimizer(gradientTolerance, maximumIterations).FindMinimum(objective.WithGradientAndHessian(), Vector(start)));

    private static Outcome Run(string method, CompiledFunction function, double[] start, Func<MathNetObjective, MinimizationResult> minimize)
    {
        var objective = new MathNetObjective(function);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            MinimizationResult result = minimize(objective);
            double[] point = result.MinimizingPoint.ToArray();
            return new Outcome(method, result.Iterations, objective.Evaluations, stopwatch.Elapsed, point, function.Evaluate(point), Converged: true);
        }
        catch (MaximumIterationsException)
        {
            // Math.NET throws rather than return the last point: report where the count ran out, not a point.
            double[] unknown = [.. start.Select(_ => double.NaN)];
            return new Outcome(method, -1, objective.Evaluations, stopwatch.Elapsed, unknown, double.NaN, Converged: false);
        }
    }

    private static Vector<double> Vector(double[] start) => Vector<double>.Build.DenseOfArray([.. start]);

    private static double Norm(double[] vector) => Math.Sqrt(vector.Sum(component => component * component));
}
