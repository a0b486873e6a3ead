#!/usr/bin/env dotnet
// Chapter 10: the lecture's training, bit for bit as Python computes it (lecture steps 49-53, seeded).
// The lecture's own run drew its weights from an unseeded random, so its numbers cannot be repeated. Seeded,
// they can: this chapter prints exactly what `python3 lecture_reference.py N` prints (../shared/reference),
// line for line and digit for digit: the 41 initial parameters from random.seed(N) and random.uniform(-1, 1),
// the first prediction, the loss at each of the 20 steps, and the predictions before and after the last update.
// Bit-exact means the same floating-point operations in the same order: tanh as (e^2x - 1)/(e^2x + 1), each
// neuron's sum starting from its bias, the loss summed from 0, p.data += -0.1 * p.grad (see Engine/).
//   dotnet run samples/Lecture/10-training.cs [-- --seed N]
#:project Engine
#:project Support
using Micrograd.Samples.Lecture;
using Micrograd.Samples.Lecture.Engine;
using Micrograd.Samples.MicroGpt;

var seed = Arguments.Seed(args, "10-training.cs", defaultSeed: 0);

var random = new PythonRandom(seed);
var n = new MLP(3, [4, 4, 1], () => -1 + 2 * random.Random()); // random.uniform(-1, 1) = a + (b - a) * random()
List<Value> parameters = n.Parameters();
double[][] xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
double[] ys = [1.0, -1.0, -1.0, 1.0];
List<Value> Predict() => xs.Select(x => n.Call([.. x.Select(v => (Value)v)])[0]).ToList();

Console.WriteLine($"# MLP(3, [4, 4, 1]) after random.seed({seed}); {parameters.Count} parameters, 20 steps, p.data += -0.1 * p.grad, loss = sum of squared errors");
Console.WriteLine($"init_parameters {Python.Repr(parameters.Select(p => p.Data))}");
Console.WriteLine($"init_prediction n([2.0, 3.0, -1.0]) = {Python.ValueRepr(n.Call([2.0, 3.0, -1.0])[0].Data)}");
List<Value> ypred = [];
for (int k = 0; k < 20; k++)
{
    // forward pass
    ypred = Predict();
    List<Value> squaredErrors = ypred.Zip(ys, (yout, ygt) => (yout - ygt).Pow(2)).ToList();
    Value loss = squaredErrors.Skip(1).Aggregate(0 + squaredErrors[0], (sum, e) => sum + e); // sum(): 0 + e0 + e1 + ...

    // backward pass, after zeroing the grads that the last one left
    foreach (Value p in parameters)
    {
        p.Grad = 0.0;
    }

    loss.Backward();

    // update
    foreach (Value p in parameters)
    {
        p.Data += -0.1 * p.Grad;
    }

    Console.WriteLine($"{k} {Python.Repr(loss.Data)}");
}

Console.WriteLine($"ypred {Python.ValueRepr(ypred.Select(v => v.Data))}"); // the last forward pass, before its update
Console.WriteLine($"ypred_after_last_update {Python.ValueRepr(Predict().Select(v => v.Data))}");
