using BenchmarkDotNet.Attributes;
using Micrograd.Samples.MicroGpt;
using Micrograd.Samples.MicroGpt.Reference;
using TorchSharp;

namespace Micrograd.Benchmarks;

/// <summary>
/// One training step of microgpt (samples/MicroGpt): forward over one document, backward, Adam update with the
/// learning-rate decay, on the operator graph (every * and + a node, as the Python original builds it), on the
/// fused graph (AffineMap, Value.Function nodes), and on TorchSharp float64 tensors on one thread (the same
/// model and documents; its Adam is torch.optim.Adam). The Python original takes about 313 ms a step here.
/// </summary>
[MemoryDiagnoser]
public class MicroGptBenchmarks
{
    private const int Steps = 1000;

    private int[][] _documents = null!;
    private Gpt _operators = null!;
    private Adam _operatorsAdam = null!;
    private Gpt _fused = null!;
    private Adam _fusedAdam = null!;
    private TorchGpt _torch = null!;
    private TorchSharp.Modules.Adam _torchAdam = null!;
    private int _step;

    [GlobalSetup]
    public void Setup()
    {
        // The sample's first 1,000 documents in its order (seed 42), then its weights.
        var random = new PythonRandom(42);
        List<string> docs = Dataset.Load(Path.Combine(AppContext.BaseDirectory, "input.txt"));
        random.Shuffle(docs);
        var tokenizer = new Tokenizer(docs);
        _documents = docs.Take(Steps).Select(tokenizer.Encode).ToArray();

        _operators = new Gpt(tokenizer.VocabSize, new PythonRandom(42), GraphKind.Operators);
        _operatorsAdam = new Adam(_operators.Parameters);
        _fused = new Gpt(tokenizer.VocabSize, new PythonRandom(42), GraphKind.Fused);
        _fusedAdam = new Adam(_fused.Parameters);

        torch.set_num_threads(1);
        _torch = new TorchGpt(new Gpt(tokenizer.VocabSize, new PythonRandom(42)));
        _torchAdam = torch.optim.Adam(_torch.Parameters, lr: Adam.LearningRate, beta1: Adam.Beta1, beta2: Adam.Beta2, eps: Adam.EpsAdam);
        _step = 0;
    }

    [Benchmark(Description = "microgpt step, operator graph")]
    public double OperatorGraph() => Step(_operators, _operatorsAdam);

    [Benchmark(Description = "microgpt step, fused graph")]
    public double FusedGraph() => Step(_fused, _fusedAdam);

    [Benchmark(Description = "microgpt step, TorchSharp tensors")]
    public double TorchSharpTensors()
    {
        int step = _step++ % Steps;
        using var scope = torch.NewDisposeScope();
        _torchAdam.zero_grad();
        torch.Tensor loss = _torch.Loss(_documents[step]);
        loss.backward();
        foreach (var group in _torchAdam.ParamGroups)
        {
            group.LearningRate = Adam.LearningRate * (1 - (double)step / Steps);
        }

        _torchAdam.step();
        return loss.item<double>();
    }

    private double Step(Gpt model, Adam adam)
    {
        int step = _step++ % Steps;
        Value loss = model.Loss(_documents[step]);
        loss.Backward();
        adam.Step(step, Steps);
        return loss.Data;
    }
}
