using BenchmarkDotNet.Attributes;

namespace Micrograd.Benchmarks;

/// <summary>
/// Build and back-propagate a micrograd-shaped expression: one node per scalar multiply, add, tanh or relu,
/// exactly as the lecture builds graphs. Each result is per node (OperationsPerInvoke), so the mean is ns/node
/// and the allocation column is bytes/node. Small graphs stay in cache; large ones outgrow it and the GC's
/// youngest generation, so the graph must be promoted while it is built.
/// </summary>
[MemoryDiagnoser]
public class NodeThroughputBenchmarks
{
    private const int NodesPerStep = 4;
    private Value[] _weights = null!;
    private Value[] _offsets = null!;

    private CompiledGraph _program10k = null!;
    private CompiledGraph _program100k = null!;
    private FlatTape _tape10k = null!;
    private FlatTape _tape100k = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _weights = Enumerable.Range(0, 64).Select(_ => new Value(random.NextDouble() * 2 - 1)).ToArray();
        _offsets = Enumerable.Range(0, 64).Select(_ => new Value(random.NextDouble() - 0.5)).ToArray();
        _program10k = Build(10_000 / NodesPerStep).Compile();
        _program100k = Build(100_000 / NodesPerStep).Compile();
        double[] weights = _weights.Select(w => w.Data).ToArray();
        double[] offsets = _offsets.Select(b => b.Data).ToArray();
        _tape10k = new FlatTape(weights, offsets, 10_000 / NodesPerStep);
        _tape100k = new FlatTape(weights, offsets, 100_000 / NodesPerStep);
        if (_tape10k.Output != _program10k.Output.Data || _tape100k.Output != _program100k.Output.Data)
        {
            throw new InvalidOperationException("The flat tape does not compute the benchmark's expression.");
        }
    }

    [Benchmark(OperationsPerInvoke = 1_000)]
    public double BuildAndBackward_1k_nodes() => BuildAndBackward(1_000 / NodesPerStep);

    [Benchmark(OperationsPerInvoke = 10_000)]
    public double BuildAndBackward_10k_nodes() => BuildAndBackward(10_000 / NodesPerStep);

    [Benchmark(OperationsPerInvoke = 100_000)]
    public double BuildAndBackward_100k_nodes() => BuildAndBackward(100_000 / NodesPerStep);

    [Benchmark(OperationsPerInvoke = 10_000)]
    public double BuildOnly_10k_nodes() => Build(10_000 / NodesPerStep).Data;

    /// <summary>The same 10,000-node graph compiled once: Forward + Backward per node.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public double Replay_10k_nodes() => Replay(_program10k);

    [Benchmark(OperationsPerInvoke = 100_000)]
    public double Replay_100k_nodes() => Replay(_program100k);

    /// <summary>The floor: the same 10,000-node expression as a hand-written flat tape, Forward + Backward per node.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public double Tape_10k_nodes() => Replay(_tape10k);

    [Benchmark(OperationsPerInvoke = 100_000)]
    public double Tape_100k_nodes() => Replay(_tape100k);

    private static double Replay(FlatTape tape)
    {
        tape.Forward();
        tape.Backward();
        return tape.Output;
    }

    private static double Replay(CompiledGraph program)
    {
        program.Forward();
        program.Backward();
        return program.Output.Data;
    }

    private double BuildAndBackward(int steps)
    {
        Value result = Build(steps);
        result.Backward();
        return result.Data;
    }

    private Value Build(int steps)
    {
        Value acc = _offsets[0];
        for (int i = 0; i < steps; i++)
        {
            Value w = _weights[i & 63];
            Value b = _offsets[i & 63];
            Value product = acc * w;                      // 1 node
            Value sum = product + b;                      // 1 node
            acc = (i & 1) == 0 ? sum.Tanh() : sum.Relu(); // 1 node
            acc += product;                               // 1 node; product is used twice
        }

        return acc;
    }
}
