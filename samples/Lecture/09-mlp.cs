#!/usr/bin/env dotnet
// Chapter 9: a neural network, a data set, a loss and gradient descent (lecture steps 49-53).
// Neuron, Layer and MLP (Engine/Nn.cs) are a few lines on top of Value: a neuron is tanh(w . x + b), a layer
// is a list of neurons, an MLP chains layers. The loss, the sum of squared differences between predictions and
// targets, is one more Value: backward() gives every weight's gradient, and a small step against it (learning
// rate 0.1) makes the loss smaller. Grads must be set back to 0 before each backward(), since backward() adds
// to them (chapter 6); the lecture first forgot that. Both loops run below from the same network: with the bug,
// each step adds the new gradient to all the old ones, so the steps grow, the loss drops fast, then jumps.
// The lecture's random numbers were unseeded; here they come from Python's random.seed(N), bit for bit.
//   dotnet run samples/Lecture/09-mlp.cs [-- --seed N]
#:project Engine
#:project Support
using Micrograd.Samples.Lecture;
using Micrograd.Samples.Lecture.Engine;
using Micrograd.Samples.MicroGpt;

var seed = Arguments.Seed(args, "09-mlp.cs", defaultSeed: 0);

// [49] MLP(3, [4, 4, 1]) drawing its weights with random.uniform(-1, 1) after random.seed(seed)
MLP NewNetwork()
{
    var random = new PythonRandom(seed);
    return new MLP(3, [4, 4, 1], () => -1 + 2 * random.Random()); // random.uniform(-1, 1) = a + (b - a) * random()
}

Console.WriteLine($"[50] x = [2.0, 3.0, -1.0]; n = MLP(3, [4, 4, 1]); n(x)   # random.seed({seed})");
var n = NewNetwork();
Console.WriteLine(Python.ValueRepr(n.Call([2.0, 3.0, -1.0])[0].Data));
Console.WriteLine($"len(n.parameters()) = {n.Parameters().Count}");

Console.WriteLine("[51] xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]; ys = [1.0, -1.0, -1.0, 1.0]");
double[][] xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
double[] ys = [1.0, -1.0, -1.0, 1.0];

// [52] for k in range(20): forward, zero the grads (or not: the bug), backward, update; returns the losses
(List<double> Losses, List<Value> Ypred) Train(MLP net, bool zeroGrad)
{
    var losses = new List<double>();
    List<Value> ypred = [];
    for (int k = 0; k < 20; k++)
    {
        ypred = xs.Select(x => net.Call([.. x.Select(v => (Value)v)])[0]).ToList();
        List<Value> squaredErrors = ypred.Zip(ys, (yout, ygt) => (yout - ygt).Pow(2)).ToList();
        Value loss = squaredErrors.Skip(1).Aggregate(0 + squaredErrors[0], (sum, e) => sum + e); // sum(): 0 + e0 + e1 + ...
        if (zeroGrad)
        {
            foreach (Value p in net.Parameters())
            {
                p.Grad = 0.0;
            }
        }

        loss.Backward();
        foreach (Value p in net.Parameters())
        {
            p.Data += -0.1 * p.Grad;
        }

        losses.Add(loss.Data);
    }

    return (losses, ypred);
}

var (buggy, _) = Train(NewNetwork(), zeroGrad: false);
var (fixedLosses, ypredFixed) = Train(NewNetwork(), zeroGrad: true);
Console.WriteLine("[52] print(k, loss.data) for 20 steps, learning rate 0.1");
Console.WriteLine($"{"k",-3} {"without zero_grad (the bug)",-28} with zero_grad (the fix)");
for (int k = 0; k < 20; k++)
{
    Console.WriteLine($"{k,-3} {Python.Repr(buggy[k]),-28} {Python.Repr(fixedLosses[k])}");
}

Console.WriteLine("[53] ypred   # after the fix: close to ys = [1.0, -1.0, -1.0, 1.0]");
Console.WriteLine(Python.ValueRepr(ypredFixed.Select(v => v.Data)));
