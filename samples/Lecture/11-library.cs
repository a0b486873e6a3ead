#!/usr/bin/env dotnet
// Chapter 11: the same network with this library, and what it adds (after the lecture).
// The library (src/Micrograd, the Micrograd package) is the engine of chapters 2-10 grown up: Value with the
// same Data, Grad, Inputs, Operator and Backward(); MLP, ZeroGrad() and Sgd for chapter 10's loop. Started from
// the same random.seed(N) weights, it trains to the same losses, equal to about 15 significant digits: the
// library computes tanh with Math.Tanh and sums each neuron's inputs in its own order, so the last bit or two
// may differ from the lecture's float order (chapter 10 matches that bit for bit).
// Then what it adds: pictures (ToDot, ToHtml), more operations, and speed.
//   dotnet run samples/Lecture/11-library.cs [-- --seed N]
#:project ../../src/Micrograd
#:project Engine
#:project Support
using System.Diagnostics;
using Micrograd;
using Micrograd.Nn;
using Micrograd.Samples.Lecture;
using Micrograd.Samples.MicroGpt;
using Learner = Micrograd.Samples.Lecture.Engine;

var seed = Arguments.Seed(args, "11-library.cs", defaultSeed: 0);
double[][] xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
double[] ys = [1.0, -1.0, -1.0, 1.0];

// The library's MLP(3, [4, 4, 1]) (tanh everywhere, like the lecture's), given the lecture's seeded weights.
MLP LibraryNetwork()
{
    var random = new PythonRandom(seed);
    var model = new MLP(3, 4, 4, 1);
    foreach (Value p in model.Parameters()) // layer by layer, neuron by neuron, the weights then the bias
    {
        p.Data = -1 + 2 * random.Random();
    }

    return model;
}

// Chapter 10's loop with the library: ZeroGrad() zeroes the grads, Sgd.Step() does p.data -= 0.1 * p.grad.
(List<double> Losses, Value LastLoss) TrainLibrary(MLP model, int steps)
{
    var sgd = new Sgd(model.Parameters(), learningRate: 0.1);
    var losses = new List<double>();
    Value loss = 0.0;
    for (int k = 0; k < steps; k++)
    {
        IEnumerable<Value> ypred = xs.Select(x => model.Forward(x)[0]);
        loss = Value.Sum(ypred.Zip(ys, (yout, ygt) => (yout - ygt).Pow(2)));
        model.ZeroGrad();
        loss.Backward();
        sgd.Step();
        losses.Add(loss.Data);
    }

    return (losses, loss);
}

// Chapter 10's loop with the learner's engine (Engine/), for comparison.
List<double> TrainLearner(int steps)
{
    var random = new PythonRandom(seed);
    var n = new Learner.MLP(3, [4, 4, 1], () => -1 + 2 * random.Random());
    var losses = new List<double>();
    for (int k = 0; k < steps; k++)
    {
        List<Learner.Value> ypred = xs.Select(x => n.Call([.. x.Select(v => (Learner.Value)v)])[0]).ToList();
        List<Learner.Value> squaredErrors = ypred.Zip(ys, (yout, ygt) => (yout - ygt).Pow(2)).ToList();
        Learner.Value loss = squaredErrors.Skip(1).Aggregate(0 + squaredErrors[0], (sum, e) => sum + e);
        foreach (Learner.Value p in n.Parameters())
        {
            p.Grad = 0.0;
        }

        loss.Backward();
        foreach (Learner.Value p in n.Parameters())
        {
            p.Data += -0.1 * p.Grad;
        }

        losses.Add(loss.Data);
    }

    return losses;
}

Console.WriteLine($"MLP(3, [4, 4, 1]) after random.seed({seed}), 20 steps of SGD with learning rate 0.1");
var (library, lastLoss) = TrainLibrary(LibraryNetwork(), 20);
List<double> learner = TrainLearner(20);
Console.WriteLine($"{"k",-3} {"the library",-24} {"the learner's engine",-24} relative difference");
double largest = 0;
for (int k = 0; k < 20; k++)
{
    double difference = Math.Abs(library[k] - learner[k]) / Math.Abs(learner[k]);
    largest = Math.Max(largest, difference);
    Console.WriteLine($"{k,-3} {Python.Repr(library[k]),-24} {Python.Repr(learner[k]),-24} {difference:0.0e+00}");
}

Console.WriteLine($"largest relative difference: {largest:0.0e+00}");

Console.WriteLine();
Console.WriteLine("What the library adds:");
Console.WriteLine("- pictures: ToDot() for Graphviz, ToMermaid(), and ToHtml(), a page that steps through Backward() node by node");
Pictures.Draw(lastLoss, "11-loss");
Console.WriteLine("- more operations, each with its derivative in src/Micrograd/Operations/ (at x = 0.5):");
foreach (var (name, operation) in new (string, Func<Value, Value>)[]
{
    ("relu", v => v.Relu()), ("sigmoid", v => v.Sigmoid()), ("log", v => v.Log()), ("sqrt", v => v.Sqrt()),
    ("sin", v => v.Sin()), ("gelu", v => v.Gelu()), ("softplus", v => v.Softplus()), ("x**x", v => v.Pow(v)),
})
{
    var x = new Value(0.5, "x");
    Value y = operation(x);
    y.Backward();
    Console.WriteLine($"    {name,-8} data {y.Data:F6}  d/dx {x.Grad:F6}");
}

Console.WriteLine("- Adam as well as Sgd, Losses (mean squared error, hinge, cross-entropy), saving and loading a model");
const int SpeedSteps = 2000;
var clock = Stopwatch.StartNew();
TrainLearner(SpeedSteps);
double learnerSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
TrainLibrary(LibraryNetwork(), SpeedSteps);
double librarySeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"- speed: {SpeedSteps} steps of this training take {learnerSeconds:F2} s with the learner's engine, {librarySeconds:F2} s with the library (this run; benchmarks in tests/Micrograd.Benchmarks)");
