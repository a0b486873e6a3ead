using BenchmarkDotNet.Attributes;

namespace Micrograd.Benchmarks;

/// <summary>
/// The value and gradient of the chained Rosenbrock function in 1,000 dimensions, as an optimizer asks for them at
/// every step: (a) building the graph and calling Backward() each time, (b) replaying a graph compiled once
/// (Gradients.Compile, CompiledFunction.Evaluate), and (c) the gradient written by hand, the floor. Targets for
/// (b): 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
public class RosenbrockBenchmarks
{
    private const int Dimensions = 1_000;
    private double[] _point = null!;
    private double[] _gradient = null!;
    private CompiledFunction _compiled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _point = [.. Enumerable.Range(0, Dimensions).Select(i => i % 2 == 0 ? -1.2 : 1.0)];
        _gradient = new double[Dimensions];
        _compiled = Gradients.Compile(Rosenbrock, _point);
    }

    [Benchmark(Description = "(a) build the graph + Backward()")]
    public double BuildAndBackward()
    {
        var leaves = new Value[Dimensions];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new Value(_point[i]);
        }

        Value output = Rosenbrock(leaves);
        output.Backward();
        for (int i = 0; i < leaves.Length; i++)
        {
            _gradient[i] = leaves[i].Grad;
        }

        return output.Data;
    }

    [Benchmark(Description = "(b) CompiledFunction.Evaluate")]
    public double Compiled() => _compiled.Evaluate(_point, _gradient);

    [Benchmark(Baseline = true, Description = "(c) gradient by hand")]
    public double ByHand()
    {
        ReadOnlySpan<double> x = _point;
        Span<double> gradient = _gradient;
        gradient.Clear();
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double valley = x[i + 1] - (x[i] * x[i]);
            double offset = 1 - x[i];
            sum += (100 * valley * valley) + (offset * offset);
            gradient[i] += (-400 * x[i] * valley) - (2 * offset);
            gradient[i + 1] += 200 * valley;
        }

        return sum;
    }

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
