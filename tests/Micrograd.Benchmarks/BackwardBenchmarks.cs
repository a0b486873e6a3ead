using BenchmarkDotNet.Attributes;

namespace Micrograd.Benchmarks;

/// <summary>
/// Backward() alone, on graphs built once in setup: calling it again re-zeroes the interior gradients and adds to
/// the leaves', so every call does the same work. Per node (OperationsPerInvoke). The lecture-shaped graph is
/// NodeThroughputBenchmarks' (multiply, add, tanh or relu, add); the other cycles through every operation, so that
/// each one's local derivative is measured in Backward's loop.
/// </summary>
[MemoryDiagnoser]
public class BackwardBenchmarks
{
    private const int Nodes = 10_000;
    private Value _lecture = null!;
    private Value _everyOperation = null!;
    private int _everyOperationCount;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        Value[] weights = [.. Enumerable.Range(0, 64).Select(_ => new Value(random.NextDouble() * 2 - 1))];
        Value[] offsets = [.. Enumerable.Range(0, 64).Select(_ => new Value(random.NextDouble() - 0.5))];

        Value acc = offsets[0];
        for (int i = 0; i < Nodes / 4; i++)
        {
            Value product = acc * weights[i & 63];
            Value sum = product + offsets[i & 63];
            acc = (i & 1) == 0 ? sum.Tanh() : sum.Relu();
            acc += product;
        }

        _lecture = acc;

        Value x = offsets[1];
        int count = 0;
        for (int i = 0; count < Nodes; i++)
        {
            Value a = x * weights[i & 63] + offsets[i & 63];
            Value y = (i % 14) switch
            {
                0 => a.Tanh(),
                1 => a.Relu(),
                2 => a.Sigmoid(),
                3 => a.Softplus(),
                4 => a.Gelu(),
                5 => a.LeakyRelu(),
                6 => a.Sin(),
                7 => a.Cos(),
                8 => a.Tanh().Exp(),
                9 => (a * a + 1).Log(),
                10 => (a * a + 1).Sqrt() - a.Abs(),
                11 => Value.Max(a, x) - Value.Min(a, x.Pow(2)),
                12 => a / (x * x + 1),
                _ => (a.Abs() + 1).Pow(x.Tanh()),
            };
            x = y.Tanh();
            count += CountNodes(i % 14) + 3;
        }

        _everyOperation = x;
        _everyOperationCount = count;
    }

    [Benchmark(OperationsPerInvoke = Nodes)]
    public double Backward_lecture_graph_10k_nodes()
    {
        _lecture.Backward();
        return _lecture.Grad;
    }

    /// <summary>Per node; the graph has about 10,000 (exactly <see cref="_everyOperationCount"/>).</summary>
    [Benchmark(OperationsPerInvoke = Nodes)]
    public double Backward_every_operation_10k_nodes()
    {
        _everyOperation.Backward();
        return _everyOperation.Grad;
    }

    private static int CountNodes(int kind) => kind switch
    {
        8 => 2,
        9 => 4,
        10 => 6,
        11 => 4,
        12 => 4,
        13 => 4,
        _ => 1,
    };
}
