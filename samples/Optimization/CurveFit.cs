using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Micrograd;

namespace Optimization;

/// <summary>
/// A damped oscillation, y = a·exp(−b·t)·cos(c·t + d), fitted to noisy samples by Math.NET's
/// <see cref="LevenbergMarquardtMinimizer"/>, with the model's Jacobian from Micrograd.
/// </summary>
public static class CurveFit
{
    /// <summary>The parameters the samples were made with: a, b, c, d.</summary>
    public static IReadOnlyList<double> TrueParameters { get; } = [2.5, 0.3, 2.0, 0.5];

    /// <summary>Where the fit starts.</summary>
    public static IReadOnlyList<double> Start { get; } = [1.0, 0.1, 1.8, 0.0];

    /// <summary>The model at one time, written once with Micrograd's values: inputs a, b, c, d and t.</summary>
    public static Value Model(IReadOnlyList<Value> v) => v[0] * (-v[1] * v[4]).Exp() * (v[2] * v[4] + v[3]).Cos();

    /// <summary>
    /// 100 samples at t = 0, 0.1, …, 9.9: the model with the true parameters plus uniform noise in [−0.05, 0.05)
    /// from a 64-bit linear congruential generator (Knuth's MMIX constants, seed 1), so that any language can make
    /// the same numbers.
    /// </summary>
    public static (double[] Times, double[] Observations) Samples()
    {
        var times = new double[100];
        var observations = new double[100];
        ulong state = 1;
        for (int k = 0; k < times.Length; k++)
        {
            state = unchecked((state * 6364136223846793005UL) + 1442695040888963407UL);
            double uniform = (state >> 11) * (1.0 / (1UL << 53));
            double t = k / 10.0;
            (double a, double b, double c, double d) = (TrueParameters[0], TrueParameters[1], TrueParameters[2], TrueParameters[3]);
            times[k] = t;
            observations[k] = (a * Math.Exp(-b * t) * Math.Cos(c * t + d)) + (0.1 * uniform) - 0.05;
        }

        return (times, observations);
    }

    /// <summary>The result of a fit: the parameters found, their standard errors, and what it took.</summary>
    public sealed record Fit(double[] Parameters, double[] StandardErrors, int Iterations, int JacobianEvaluations, TimeSpan Time, string ReasonForExit);

    /// <summary>
    /// Fits the model to the samples. The model is compiled once, with t as a fifth input: at each sample, one
    /// <see cref="CompiledFunction.Evaluate(ReadOnlySpan{double}, Span{double})"/> gives the model's value and its
    /// row of the Jacobian, ∂y/∂(a, b, c, d).
    /// </summary>
    public static Fit Run()
    {
        (double[] times, double[] observations) = Samples();
        CompiledFunction model = Gradients.Compile(Model, [.. Start, 0.0]);
        double[] point = new double[5];
        double[] gradient = new double[5];
        int jacobians = 0;

        Vector<double> Values(Vector<double> parameters, Vector<double> t)
        {
            return Vector<double>.Build.Dense(t.Count, k =>
            {
                SetPoint(parameters, t[k]);
                return model.Evaluate(point);
            });
        }

        Matrix<double> Jacobian(Vector<double> parameters, Vector<double> t)
        {
            jacobians++;
            var jacobian = Matrix<double>.Build.Dense(t.Count, 4);
            for (int k = 0; k < t.Count; k++)
            {
                SetPoint(parameters, t[k]);
                model.Evaluate(point, gradient);
                for (int j = 0; j < 4; j++)
                {
                    jacobian[k, j] = gradient[j];
                }
            }

            return jacobian;
        }

        void SetPoint(Vector<double> parameters, double t)
        {
            for (int j = 0; j < 4; j++)
            {
                point[j] = parameters[j];
            }

            point[4] = t;
        }

        IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
            Values, Jacobian, Vector<double>.Build.DenseOfArray(times), Vector<double>.Build.DenseOfArray(observations));
        var stopwatch = Stopwatch.StartNew();
        NonlinearMinimizationResult result = new LevenbergMarquardtMinimizer().FindMinimum(objective, Vector<double>.Build.DenseOfEnumerable(Start));
        return new Fit(result.MinimizingPoint.ToArray(), result.StandardErrors.ToArray(), result.Iterations, jacobians, stopwatch.Elapsed, result.ReasonForExit.ToString());
    }
}
