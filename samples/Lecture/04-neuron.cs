#!/usr/bin/env dotnet
// Chapter 4: a neuron, and its gradients by hand (lecture steps 13-15 and 24-30, in the video's order).
// A neuron weighs its inputs, adds a bias and squashes the sum with tanh: o = tanh(x1*w1 + x2*w2 + b).
// tanh is one more operation for Value, with its own local derivative: d tanh(n)/dn = 1 - tanh(n)**2.
// The bias b = 6.8813735870195432 makes n = 0.8814 and o = 0.7071 = 1/sqrt(2), so that 1 - o**2 is 0.5.
//   dotnet run samples/Lecture/04-neuron.cs
#:project Support
using Micrograd.Samples.Lecture;

Arguments.None(args, "04-neuron.cs");

Console.WriteLine("[13] plt.plot(np.arange(-5,5,0.2), np.tanh(np.arange(-5,5,0.2)))   # the squashing function");
double[] xs = Enumerable.Range(0, 50).Select(i => -5 + i * 0.2).ToArray();
Pictures.Plot(xs, xs.Select(Math.Tanh).ToArray(), "tanh(x)", "04-tanh");

Console.WriteLine("[14] the neuron: inputs x1, x2; weights w1, w2; bias b; o = tanh(x1*w1 + x2*w2 + b)");
var x1 = new Value(2.0, label: "x1");
var x2 = new Value(0.0, label: "x2");
var w1 = new Value(-3.0, label: "w1");
var w2 = new Value(1.0, label: "w2");
var b = new Value(6.8813735870195432, label: "b");
var x1w1 = x1 * w1; x1w1.Label = "x1*w1";
var x2w2 = x2 * w2; x2w2.Label = "x2*w2";
var x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.Label = "x1*w1 + x2*w2";
var n = x1w1x2w2 + b; n.Label = "n";
var o = n.Tanh(); o.Label = "o";
Console.WriteLine($"n = {n}, o = {o}");

Console.WriteLine("[29] o.grad = 1.0   # the base case");
o.Grad = 1.0;
Console.WriteLine("[30] 1 - o.data**2   # do/dn, the local derivative of tanh");
Console.WriteLine(Python.Repr(1 - Math.Pow(o.Data, 2)));
Console.WriteLine("[28] n.grad = 0.5   # the lecture types the rounded value");
n.Grad = 0.5;
Console.WriteLine("[27] x1w1x2w2.grad = 0.5; b.grad = 0.5   # a + node routes the grad unchanged");
x1w1x2w2.Grad = 0.5;
b.Grad = 0.5;
Console.WriteLine("[26] x1w1.grad = 0.5; x2w2.grad = 0.5");
x1w1.Grad = 0.5;
x2w2.Grad = 0.5;
Console.WriteLine("[25] x2.grad = w2.data * x2w2.grad; w2.grad = x2.data * x2w2.grad   # a * node: the other input's data");
x2.Grad = w2.Data * x2w2.Grad;
w2.Grad = x2.Data * x2w2.Grad;
Console.WriteLine("[24] x1.grad = w1.data * x1w1.grad; w1.grad = x1.data * x1w1.grad");
x1.Grad = w1.Data * x1w1.Grad;
w1.Grad = x1.Data * x1w1.Grad;

Console.WriteLine("[15] draw_dot(o)   # w2's grad is 0: with x2 = 0, w2 cannot change o");
Pictures.Graph(o, v => (v.Operator, v.Data, v.Grad, v.Label, v.Inputs), "04-neuron");

// Chapter 3's Value plus tanh.
sealed class Value(double data, Value[]? inputs = null, string op = "", string label = "")
{
    public double Data { get; set; } = data;
    public double Grad { get; set; }
    public IReadOnlyList<Value> Inputs { get; } = inputs ?? []; // _prev
    public string Operator { get; } = op;                      // _op
    public string Label { get; set; } = label;

    public static Value operator +(Value self, Value other) => new(self.Data + other.Data, [self, other], "+");

    public static Value operator *(Value self, Value other) => new(self.Data * other.Data, [self, other], "*");

    // tanh(x) = (e^2x - 1) / (e^2x + 1), computed as the lecture computes it (Math.Tanh can differ in the last bit)
    public Value Tanh() => new((Math.Exp(2 * Data) - 1) / (Math.Exp(2 * Data) + 1), [this], "tanh");

    public override string ToString() => Python.ValueRepr(Data);
}
