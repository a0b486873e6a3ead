#!/usr/bin/env dotnet
// Chapter 5: each operation knows its own backward step (lecture steps 18-23).
// Setting every grad by hand (chapter 4) does not scale. But each step only used the operation's local
// derivative times the output's grad, so each operation can store that step when it makes its output:
// BackwardStep, the lecture's _backward. Here they are called node by node, from o back to the leaves.
//   dotnet run samples/Lecture/05-backward-by-hand.cs
#:project Support
using Micrograd.Samples.Lecture;

Arguments.None(args, "05-backward-by-hand.cs");

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

Console.WriteLine("[18] o.grad = 1.0");
o.Grad = 1.0;
Console.WriteLine("[19] o._backward()   # tanh: n.grad += (1 - o.data**2) * o.grad");
o.BackwardStep();
Console.WriteLine($"n.grad = {Python.Repr(n.Grad)}");
Console.WriteLine("[20] n._backward()   # +: both inputs get n.grad");
n.BackwardStep();
Console.WriteLine($"x1w1x2w2.grad = {Python.Repr(x1w1x2w2.Grad)}, b.grad = {Python.Repr(b.Grad)}");
Console.WriteLine("[21] b._backward()   # b is a leaf: its step does nothing");
b.BackwardStep();
Console.WriteLine($"b.grad = {Python.Repr(b.Grad)}");
Console.WriteLine("[22] x1w1x2w2._backward()");
x1w1x2w2.BackwardStep();
Console.WriteLine($"x1w1.grad = {Python.Repr(x1w1.Grad)}, x2w2.grad = {Python.Repr(x2w2.Grad)}");
Console.WriteLine("[23] x2w2._backward(); x1w1._backward()   # *: each input gets the other's data times the grad");
x2w2.BackwardStep();
x1w1.BackwardStep();
Console.WriteLine($"x2.grad = {Python.Repr(x2.Grad)}, w2.grad = {Python.Repr(w2.Grad)}");
Console.WriteLine($"x1.grad = {Python.Repr(x1.Grad)}, w1.grad = {Python.Repr(w1.Grad)}");
Console.WriteLine("draw_dot(o)   # the same boxes as the grads set by hand in chapter 4");
Pictures.Graph(o, v => (v.Operator, v.Data, v.Grad, v.Label, v.Inputs), "05-neuron");

// Chapter 4's Value, each operation now giving its output a BackwardStep: the chain rule for that operation.
sealed class Value(double data, Value[]? inputs = null, string op = "", string label = "")
{
    public double Data { get; set; } = data;
    public double Grad { get; set; }
    public IReadOnlyList<Value> Inputs { get; } = inputs ?? []; // _prev
    public string Operator { get; } = op;                      // _op
    public string Label { get; set; } = label;
    public Action BackwardStep { get; set; } = () => { };     // _backward: a leaf has nothing to pass on

    public static Value operator +(Value self, Value other)
    {
        var output = new Value(self.Data + other.Data, [self, other], "+");
        output.BackwardStep = () =>
        {
            self.Grad += 1.0 * output.Grad; // d(self + other)/d(self) = 1
            other.Grad += 1.0 * output.Grad;
        };
        return output;
    }

    public static Value operator *(Value self, Value other)
    {
        var output = new Value(self.Data * other.Data, [self, other], "*");
        output.BackwardStep = () =>
        {
            self.Grad += other.Data * output.Grad; // d(self * other)/d(self) = other
            other.Grad += self.Data * output.Grad;
        };
        return output;
    }

    public Value Tanh()
    {
        double t = (Math.Exp(2 * Data) - 1) / (Math.Exp(2 * Data) + 1);
        var output = new Value(t, [this], "tanh");
        output.BackwardStep = () => Grad += (1 - Math.Pow(t, 2)) * output.Grad; // d tanh(x)/dx = 1 - tanh(x)**2
        return output;
    }

    public override string ToString() => Python.ValueRepr(Data);
}
