using BenchmarkDotNet.Attributes;

namespace Micrograd.Benchmarks;

/// <summary>
/// Gradients.Of next to Backward() on the same 10,000-node lecture-shaped graph, and the Hessian against the
/// Hessian-vector product on the Rosenbrock function of 50 variables (the product should cost about two sweeps,
/// the Hessian about 51).
/// </summary>
[MemoryDiagnoser]
public class HigherOrderBenchmarks
{
    private const int Variables = 50;
    private Value _graph = null!;
    private Value[] _leaves = null!;
    private double[] _point = null!;
    private double[] _vector = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _leaves = [.. Enumerable.Range(0, 128).Select(_ => new Value(random.NextDouble() * 2 - 1))];
        Value acc = _leaves[0];
        for (int i = 0; i < 2_500; i++)
        {
            Value product = acc * _leaves[i & 63];
            Value sum = product + _leaves[64 + (i & 63)];
            acc = (i & 1) == 0 ? sum.Tanh() : sum.Relu();
            acc += product;
        }

        _graph = acc;
        _point = [.. Enumerable.Range(0, Variables).Select(i => 0.5 + 0.01 * i)];
        _vector = [.. Enumerable.Range(0, Variables).Select(i => i % 2 == 0 ? 1.0 : -1.0)];
    }

    [Benchmark(Baseline = true, Description = "Backward(), 10k-node graph")]
    public double Backward()
    {
        _graph.Backward();
        return _leaves[0].Grad;
    }

    [Benchmark(Description = "Gradients.Of, 10k-node graph, numbers")]
    public double GradientsOf() => Gradients.Of(_graph, _leaves)[0].Data;

    [Benchmark(Description = "Gradients.Of, 10k-node graph, createGraph")]
    public double GradientsOfCreateGraph() => Gradients.Of(_graph, _leaves, createGraph: true)[0].Data;

    [Benchmark(Description = "Hessian, Rosenbrock in 50 variables")]
    public double Hessian() => Gradients.Hessian(Rosenbrock, _point)[0, 0];

    [Benchmark(Description = "Hessian-vector product, Rosenbrock in 50 variables")]
    public double HessianVectorProduct() => Gradients.HessianVectorProduct(Rosenbrock, _point, _vector)[0];

    private static Value Rosenbrock(IReadOnlyList<Value> x)
    {
        Value sum = new(0.0);
        for (int i = 0; i + 1 < x.Count; i++)
        {
            sum += 100 * (x[i + 1] - x[i] * x[i]).Pow(2) + (1 - x[i]).Pow(2);
        }

        return sum;
    }
}
