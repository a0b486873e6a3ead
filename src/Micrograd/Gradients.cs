using System;
using System.Collections.Generic;

namespace Micrograd;

/// <summary>Tools that work with derivatives of whole functions built from <see cref="Value"/>s.</summary>
public static partial class Gradients
{
    /// <summary>
    /// Checks the gradient that <see cref="Value.Backward"/> computes for <paramref name="function"/> at
    /// <paramref name="point"/> against central finite differences: the test for an operation of your own.
    /// </summary>
    /// <param name="function">
    /// Builds the output from its inputs, one leaf per coordinate of <paramref name="point"/>. It is called
    /// 4n + 1 times for n inputs and must build a new graph each time.
    /// </param>
    /// <param name="point">Where to check.</param>
    /// <param name="tolerance">The largest relative error that passes (see <see cref="GradientCheck.Errors"/>).</param>
    /// <returns>Both derivatives and their relative error for each input.</returns>
    /// <remarks>
    /// For input i the step is h = ∛ε · max(1, |x_i|) (about 6e-6 for inputs near 1); the numeric derivative
    /// is the central difference (f(x + h) − f(x − h)) / 2h at h and at h/2, combined by one step of Richardson
    /// extrapolation, so its truncation error is of order h⁴ and its rounding error about 1e-10 relative.
    /// Where the function has a kink within h of the point (ReLU at 0, say) the two disagree by design.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> or <paramref name="point"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is negative or NaN.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="function"/> returned <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// GradientCheck check = Gradients.Check(x => (x[0] * x[1]).Tanh() + x[0].Pow(2), [0.5, -1.5]);
    /// Console.WriteLine(check.Passed); // True
    /// Console.WriteLine(check);        // a small table: point, analytic, numeric, error per input
    /// </code>
    /// </example>
    public static GradientCheck Check(Func<IReadOnlyList<Value>, Value> function, IReadOnlyList<double> point, double tolerance = 1e-6)
    {
        if (function is null)
        {
            throw new ArgumentNullException(nameof(function));
        }

        if (point is null)
        {
            throw new ArgumentNullException(nameof(point));
        }

        if (!(tolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be 0 or more.");
        }

        double[] x = new double[point.Count];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = point[i];
        }

        Value[] leaves = Array.ConvertAll(x, coordinate => new Value(coordinate));
        Value output = Call(function, leaves);
        output.Backward();
        double[] analytic = Array.ConvertAll(leaves, leaf => leaf.Grad);

        // Central differences at steps h and h/2, combined by one step of Richardson extrapolation: the error
        // falls from O(h²) to O(h⁴), while the rounding error stays about ε·|f| / h.
        double stepScale = Math.Pow(2, -52.0 / 3);
        double[] numeric = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double step = stepScale * Math.Max(1, Math.Abs(x[i]));
            double wide = CentralDifference(function, x, i, step);
            double narrow = CentralDifference(function, x, i, step / 2);
            numeric[i] = narrow + (narrow - wide) / 3;
        }

        return new GradientCheck(x, output.Data, analytic, numeric, tolerance);
    }

    private static double CentralDifference(Func<IReadOnlyList<Value>, Value> function, double[] x, int index, double step)
    {
        double up = x[index] + step;
        double down = x[index] - step;
        return (Evaluate(function, x, index, up) - Evaluate(function, x, index, down)) / (up - down);
    }

    private static double Evaluate(Func<IReadOnlyList<Value>, Value> function, double[] x, int index, double coordinate)
    {
        var leaves = new Value[x.Length];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new Value(i == index ? coordinate : x[i]);
        }

        return Call(function, leaves).Data;
    }

    private static Value Call(Func<IReadOnlyList<Value>, Value> function, Value[] leaves) =>
        function(Array.AsReadOnly(leaves)) ?? throw new InvalidOperationException("The function returned null instead of a value.");
}
