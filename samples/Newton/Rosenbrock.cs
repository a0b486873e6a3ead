using Micrograd;

namespace Newton;

/// <summary>
/// The Rosenbrock function, f(x) = Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², whose minimum f(1, …, 1) = 0 lies at the end of a
/// long, curved, nearly flat valley: easy to find, slow to reach by following the gradient.
/// </summary>
public static class Rosenbrock
{
    /// <summary>The classic starting point, (−1.2, 1).</summary>
    public static IReadOnlyList<double> Start { get; } = [-1.2, 1.0];

    public static Value Of(IReadOnlyList<Value> x)
    {
        Value sum = new(0.0);
        for (int i = 0; i + 1 < x.Count; i++)
        {
            sum += 100 * (x[i + 1] - x[i] * x[i]).Pow(2) + (1 - x[i]).Pow(2);
        }

        return sum;
    }

    /// <summary>The distance from <paramref name="point"/> to the minimum (1, …, 1).</summary>
    public static double DistanceToMinimum(IReadOnlyList<double> point) =>
        Math.Sqrt(point.Sum(coordinate => (coordinate - 1) * (coordinate - 1)));
}
