namespace Micrograd.Tests.Optimization;

/// <summary>The functions the compiled-function tests run, and the references they are checked against.</summary>
internal static class TestFunctions
{
    /// <summary>
    /// Four inputs through every kind of kink (ReLU, Abs, Max, Min) and some smooth operations. At the compile point
    /// <see cref="KinkedStart"/> every kink is on one side; <see cref="KinkSides"/> says which side a point is on.
    /// </summary>
    public static Value Kinked(IReadOnlyList<Value> v) =>
        (v[0] * v[1]).Relu()
        + (v[1] - v[2]).Abs() * v[3]
        + Value.Max(v[2], v[3] * 0.5) * v[0]
        + Value.Min(v[0], v[3]).Tanh()
        + (v[1] * v[1] + 1).Log()
        + v[2].Sin() * v[3].Exp();

    /// <summary>(v0·v1 &gt; 0, v1 − v2 &gt; 0, v2 &lt; v3/2, v0 &lt; v3): all true here.</summary>
    public static double[] KinkedStart => [1.0, 2.0, 0.5, 3.0];

    public static (bool, bool, bool, bool) KinkSides(double[] p) => (p[0] * p[1] > 0, p[1] - p[2] > 0, p[2] < p[3] * 0.5, p[0] < p[3]);

    /// <summary>A smooth function of three inputs whose derivative graph keeps its shape (replayed for Hessians).</summary>
    public static Value Smooth(IReadOnlyList<Value> v) =>
        (v[0] * v[1]).Tanh() + v[2].Exp() / (1 + v[0] * v[0]) + (v[1] - v[2]).Pow(3) + v[0].Sigmoid() * v[2].Cos() + (v[1] * v[1] + 2).Sqrt();

    /// <summary>A ReLU squared: its Hessian is 2 where v0·v1 &gt; 0 and 0 elsewhere, so a frozen derivative would show.</summary>
    public static Value ReluSquared(IReadOnlyList<Value> v) => (v[0] * v[1]).Relu().Pow(2) + v[0] * v[1] * v[1];

    /// <summary>The chained Rosenbrock function, Σ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², in Micrograd's values.</summary>
    public static Value Rosenbrock(IReadOnlyList<Value> x)
    {
        Value sum = new(0.0);
        for (int i = 0; i + 1 < x.Count; i++)
        {
            sum += 100 * (x[i + 1] - x[i] * x[i]).Pow(2) + (1 - x[i]).Pow(2);
        }

        return sum;
    }

    /// <summary>The Rosenbrock gradient by hand: ∂f/∂xᵢ = −400 xᵢ (xᵢ₊₁ − xᵢ²) − 2 (1 − xᵢ) + 200 (xᵢ − xᵢ₋₁²).</summary>
    public static (double Value, double[] Gradient) RosenbrockByHand(double[] x)
    {
        double value = 0;
        var gradient = new double[x.Length];
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double valley = x[i + 1] - (x[i] * x[i]);
            double offset = 1 - x[i];
            value += (100 * valley * valley) + (offset * offset);
            gradient[i] += (-400 * x[i] * valley) - (2 * offset);
            gradient[i + 1] += 200 * valley;
        }

        return (value, gradient);
    }

    /// <summary>The Rosenbrock Hessian by hand: tridiagonal, Hᵢᵢ = 1200 xᵢ² − 400 xᵢ₊₁ + 2 (+ 200 if i &gt; 0), Hᵢ,ᵢ₊₁ = −400 xᵢ.</summary>
    public static double[,] RosenbrockHessianByHand(double[] x)
    {
        int n = x.Length;
        var h = new double[n, n];
        for (int i = 0; i + 1 < n; i++)
        {
            h[i, i] += (1200 * x[i] * x[i]) - (400 * x[i + 1]) + 2;
            h[i + 1, i + 1] += 200;
            h[i, i + 1] = -400 * x[i];
            h[i + 1, i] = -400 * x[i];
        }

        return h;
    }

    /// <summary>Building the graph again at <paramref name="point"/> and calling <see cref="Value.Backward"/>: what a replay must equal.</summary>
    public static (double Value, double[] Gradient) Rebuild(Func<IReadOnlyList<Value>, Value> function, double[] point)
    {
        Value[] leaves = [.. point.Select(x => new Value(x))];
        Value output = function(leaves);
        output.Backward();
        return (output.Data, [.. leaves.Select(leaf => leaf.Grad)]);
    }

    /// <summary>Equal bit for bit, except that any NaN equals any NaN.</summary>
    public static bool Same(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    public static double[] RandomPoint(Random random, int dimensions, double scale) =>
        [.. Enumerable.Range(0, dimensions).Select(_ => (random.NextDouble() * 2 - 1) * scale)];
}
