// A program that uses the Micrograd package exactly as a user would after `dotnet add package Micrograd`.
using System.Runtime.InteropServices;
using Micrograd;
using Micrograd.Nn;

Console.WriteLine($"Micrograd {typeof(Value).Assembly.GetName().Version} on {RuntimeInformation.FrameworkDescription}");

// Value arithmetic: micrograd's README example.
var a = new Value(-4.0);
var b = new Value(2.0);
var c = a + b;
var d = a * b + b.Pow(3);
c += c + 1;
c += 1 + c + (-a);
d += d * 2 + (b + a).Tanh();
d += 3 * d + (b - a).Tanh();
var e = c - d;
var f = e.Pow(2);
var g = f / 2.0;
g += 10.0 / f;
g.Backward();
Console.WriteLine($"README example: g = {g.Data:F4}, dg/da = {a.Grad:F4}, dg/db = {b.Grad:F4}");

// A small network trained on the lecture's four examples.
double[][] inputs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
double[] targets = [1.0, -1.0, -1.0, 1.0];
var model = new MLP(3, [4, 4, 1], random: new Random(42));
var optimizer = new Sgd(model.Parameters(), learningRate: 0.05);
double first = 0, last = 0;
for (int step = 0; step < 50; step++)
{
    var predictions = inputs.Select(x => model.Forward(x)[0]).ToList();
    Value loss = Losses.MeanSquaredError(predictions, targets);
    optimizer.ZeroGrad();
    loss.Backward();
    optimizer.Step();
    if (step == 0) first = loss.Data;
    last = loss.Data;
}

Console.WriteLine($"MLP(3, [4, 4, 1]): loss {first:F4} -> {last:F4} in 50 steps");
return last < first / 10 ? 0 : 1;
