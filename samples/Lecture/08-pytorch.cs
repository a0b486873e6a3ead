#!/usr/bin/env dotnet
// Chapter 8: the same neuron in PyTorch, here TorchSharp (lecture steps 47-48).
// PyTorch does what our Value does, on tensors: every operation records how to pass gradients back, and
// backward() walks the graph. The lecture's printout differs from micrograd's 0.7071067811865476, 0.5, -1.5
// and 1.0 in the seventh digit because torch.Tensor([...]) makes float32 numbers: b = 6.8813735870195432 is
// rounded to 6.881373405456543 before .double() widens it again. Both columns are shown: the lecture's
// (float32 inputs widened to float64) and float64 throughout, which agrees with micrograd to the last bit or
// two (torch works out 1 - tanh(n)**2 its own way).
//   dotnet run samples/Lecture/08-pytorch.cs
#:package TorchSharp-cpu@0.107.0
#:project Support
using Micrograd.Samples.Lecture;
using TorchSharp;
using static TorchSharp.torch;

Arguments.None(args, "08-pytorch.cs");

// [48] x1 = torch.Tensor([2.0]).double(); x1.requires_grad = True; ... the same for x2, w1, w2, b
static Dictionary<string, double> Neuron(Func<double, Tensor> leaf)
{
    Tensor x1 = leaf(2.0), x2 = leaf(0.0), w1 = leaf(-3.0), w2 = leaf(1.0), b = leaf(6.8813735870195432);
    Tensor n = x1 * w1 + x2 * w2 + b;
    Tensor o = torch.tanh(n);
    double data = o.data<double>()[0];
    o.backward();
    return new()
    {
        ["o"] = data,
        ["x2"] = x2.grad!.item<double>(),
        ["w2"] = w2.grad!.item<double>(),
        ["x1"] = x1.grad!.item<double>(),
        ["w1"] = w1.grad!.item<double>(),
    };
}

using var scope = torch.NewDisposeScope();
var lecture = Neuron(v => torch.tensor(new[] { (float)v }).to_type(ScalarType.Float64).requires_grad_()); // torch.Tensor([v]).double()
var float64 = Neuron(v => torch.tensor(new[] { v }, dtype: ScalarType.Float64).requires_grad_());         // torch.tensor([v], dtype=torch.float64)

Console.WriteLine("[48] print(o.data.item()); o.backward(); print('---'); print x2, w2, x1, w1 grads");
Console.WriteLine($"the lecture's (float32 inputs, then .double())   float64 throughout");
Console.WriteLine($"{Python.Repr(lecture["o"]),-48} {Python.Repr(float64["o"])}");
Console.WriteLine($"{"---",-48} ---");
foreach (string name in new[] { "x2", "w2", "x1", "w1" })
{
    Console.WriteLine($"{name + " " + Python.Repr(lecture[name]),-48} {name} {Python.Repr(float64[name])}");
}
