using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Micrograd.Benchmarks;

/// <summary>A chain ten million nodes deep, built and back-propagated: it completes, and the memory column shows its cost.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DeepChainBenchmarks
{
    private const int Depth = 10_000_000;

    [Benchmark]
    public double TenMillionDeep()
    {
        var x = new Value(1.5);
        var c = new Value(1.0);
        Value y = x;
        for (int i = 0; i < Depth; i++)
        {
            y *= c;
        }

        y.Backward();
        return x.Grad + c.Grad;
    }
}
