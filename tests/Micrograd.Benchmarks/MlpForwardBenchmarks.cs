using BenchmarkDotNet.Attributes;
using Micrograd.Datasets;
using Micrograd.Nn;

namespace Micrograd.Benchmarks;

/// <summary>The demo network's forward pass over the 100 demo points, without backward.</summary>
[MemoryDiagnoser]
public class MlpForwardBenchmarks
{
    private Moons _data = null!;
    private MLP _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = DemoWorkload.Data();
        _model = new MLP(2, DemoWorkload.LayerSizes, Activation.Relu, Activation.Linear, new Random(1));
    }

    [Benchmark]
    public double Forward100Points()
    {
        double total = 0;
        for (int i = 0; i < DemoWorkload.Points; i++)
        {
            total += _model.Forward(_data.Points[i])[0].Data;
        }

        return total;
    }
}
