using BenchmarkDotNet.Attributes;
using Micrograd.Datasets;
using Micrograd.Nn;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Benchmarks;

/// <summary>
/// One full-batch training step of micrograd's demo (forward over 100 points, hinge loss + 1e-4 L2, backward,
/// SGD update), in Micrograd's Nn, in a lecture-style network built from + and * nodes, and in TorchSharp.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private Moons _data = null!;
    private MLP _model = null!;
    private Sgd _optimizer = null!;
    private CompiledGraph _nnProgram = null!;
    private CompiledGraph _fineGrainedProgram = null!;

    private Tensor _x = null!;
    private Tensor _y = null!;
    private Tensor[] _weights = null!;
    private Tensor[] _biases = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = DemoWorkload.Data();
        _model = new MLP(2, DemoWorkload.LayerSizes, Activation.Relu, Activation.Linear, new Random(1));
        _optimizer = new Sgd(_model.Parameters(), learningRate: 0.01);
        _nnProgram = NnLoss().Compile();
        _fineGrainedProgram = FineGrainedLoss().Compile();

        torch.set_num_threads(1);
        var points = new double[DemoWorkload.Points, 2];
        for (int i = 0; i < DemoWorkload.Points; i++)
        {
            points[i, 0] = _data.Points[i][0];
            points[i, 1] = _data.Points[i][1];
        }

        _x = torch.tensor(points, dtype: ScalarType.Float64);
        _y = torch.tensor(_data.SignedLabels.ToArray(), dtype: ScalarType.Float64);
        _weights = _model.Layers.Select(l => Tensor(l, n => n.Weights.Select(w => w.Data))).ToArray();
        _biases = _model.Layers.Select(l => torch.tensor(l.Neurons.Select(n => n.Bias.Data).ToArray(), dtype: ScalarType.Float64).requires_grad_()).ToArray();
    }

    [Benchmark(Description = "Micrograd Nn (one node per neuron)")]
    public double Micrograd()
    {
        Value loss = NnLoss();
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return loss.Data;
    }

    [Benchmark(Description = "Micrograd Nn, compiled once, replayed")]
    public double MicrogradCompiled()
    {
        _nnProgram.Forward();
        _optimizer.ZeroGrad();
        _nnProgram.Backward();
        _optimizer.Step();
        return _nnProgram.Output.Data;
    }

    private Value NnLoss()
    {
        var scores = new Value[DemoWorkload.Points];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = _model.Forward(_data.Points[i])[0];
        }

        return Losses.Hinge(scores, _data.SignedLabels) + Losses.L2(_model.Parameters(), DemoWorkload.Regularisation);
    }

    [Benchmark(Description = "Micrograd, lecture-style + and * nodes")]
    public double MicrogradFineGrained()
    {
        Value loss = FineGrainedLoss();
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return loss.Data;
    }

    [Benchmark(Description = "Micrograd, lecture-style + and * nodes, compiled once, replayed")]
    public double MicrogradFineGrainedCompiled()
    {
        _fineGrainedProgram.Forward();
        _optimizer.ZeroGrad();
        _fineGrainedProgram.Backward();
        _optimizer.Step();
        return _fineGrainedProgram.Output.Data;
    }

    [Benchmark(Description = "Building the lecture-style graph only (no backward, no step)")]
    public double BuildFineGrained() => FineGrainedLoss().Data;

    [Benchmark(Description = "Compiling the lecture-style graph (build + Compile, no step)")]
    public int CompileFineGrained() => FineGrainedLoss().Compile().Count;

    private Value FineGrainedLoss()
    {
        var scores = new Value[DemoWorkload.Points];
        for (int i = 0; i < scores.Length; i++)
        {
            IReadOnlyList<Value> activations = [new Value(_data.Points[i][0]), new Value(_data.Points[i][1])];
            foreach (Layer layer in _model.Layers)
            {
                var next = new Value[layer.OutputCount];
                for (int n = 0; n < next.Length; n++)
                {
                    Neuron neuron = layer.Neurons[n];
                    Value sum = neuron.Bias;
                    for (int k = 0; k < activations.Count; k++)
                    {
                        sum += neuron.Weights[k] * activations[k];
                    }

                    next[n] = layer.Activation == Activation.Relu ? sum.Relu() : sum;
                }

                activations = next;
            }

            scores[i] = activations[0];
        }

        Value dataLoss = new Value(0.0);
        for (int i = 0; i < scores.Length; i++)
        {
            dataLoss += (1 + -_data.SignedLabels[i] * scores[i]).Relu();
        }

        Value regularisation = new Value(0.0);
        foreach (Value p in _model.Parameters())
        {
            regularisation += p * p;
        }

        return dataLoss * (1.0 / scores.Length) + DemoWorkload.Regularisation * regularisation;
    }

    [Benchmark(Baseline = true, Description = "TorchSharp float64, 1 thread")]
    public double TorchSharp()
    {
        using var scope = torch.NewDisposeScope();
        Tensor h = _x;
        for (int l = 0; l < _weights.Length; l++)
        {
            h = h.matmul(_weights[l].t()) + _biases[l];
            if (l < _weights.Length - 1)
            {
                h = h.relu();
            }
        }

        Tensor dataLoss = (1 - _y * h.squeeze(1)).relu().mean();
        Tensor regularisation = _weights.Concat(_biases).Select(p => (p * p).sum()).Aggregate((a, b) => a + b);
        Tensor loss = dataLoss + DemoWorkload.Regularisation * regularisation;
        foreach (Tensor p in _weights.Concat(_biases))
        {
            p.grad?.zero_();
        }

        loss.backward();
        using (torch.no_grad())
        {
            foreach (Tensor p in _weights.Concat(_biases))
            {
                p.sub_(0.01 * p.grad!);
            }
        }

        return loss.item<double>();
    }

    private static Tensor Tensor(Layer layer, Func<Neuron, IEnumerable<double>> row)
    {
        var weights = new double[layer.OutputCount, layer.InputCount];
        for (int o = 0; o < layer.OutputCount; o++)
        {
            int i = 0;
            foreach (double w in row(layer.Neurons[o]))
            {
                weights[o, i++] = w;
            }
        }

        return torch.tensor(weights, dtype: ScalarType.Float64).requires_grad_();
    }
}
