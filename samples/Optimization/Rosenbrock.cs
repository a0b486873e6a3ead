using Micrograd;

namespace Optimization;

/// <summary>
/// The chained Rosenbrock function, f(x) = Σᵢ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)² for i = 0 … n − 2, whose minimum
/// f(1, …, 1) = 0 lies at the end of a long, curved, nearly flat valley: easy to find, slow to reach by following the
/// gradient.
/// </summary>
public static class Rosenbrock
{
    /// <summary>f, written once with Micrograd's values; the compiled function replays it.</summary>
    public static Value Of(IReadOnlyList<Value> x)
    {
        Value sum = new(0.0);
        for (int i = 0; i + 1 < x.Count; i++)
        {
            sum += 100 * (x[i + 1] - x[i] * x[i]).Pow(2) + (1 - x[i]).Pow(2);
        }

        return sum;
    }

    /// <summary>
    /// f and its gradient written out by hand: ∂f/∂xᵢ = −400 xᵢ (xᵢ₊₁ − xᵢ²) − 2 (1 − xᵢ) + 200 (xᵢ − xᵢ₋₁²), each
    /// term where it exists. The floor a compiled graph is measured against.
    /// </summary>
    public static double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double sum = 0;
        gradient.Clear();
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double valley = x[i + 1] - x[i] * x[i];
            double offset = 1 - x[i];
            sum += 100 * valley * valley + offset * offset;
            gradient[i] += -400 * x[i] * valley - 2 * offset;
            gradient[i + 1] += 200 * valley;
        }

        return sum;
    }

    /// <summary>The classic start, (−1.2, 1), followed by ones in more dimensions: (−1.2, 1, 1, …, 1).</summary>
    public static double[] Start(int dimensions)
    {
        var start = new double[dimensions];
        Array.Fill(start, 1.0);
        start[0] = -1.2;
        return start;
    }

    /// <summary>The distance from <paramref name="point"/> to the minimum (1, …, 1).</summary>
    public static double DistanceToMinimum(IReadOnlyList<double> point)
    {
        double sum = 0;
        foreach (double coordinate in point)
        {
            sum += (coordinate - 1) * (coordinate - 1);
        }

        return Math.Sqrt(sum);
    }
}
