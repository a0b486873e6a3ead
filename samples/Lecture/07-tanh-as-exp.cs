#!/usr/bin/env dotnet
// Chapter 7: the complete Value, and tanh rebuilt from smaller operations (lecture steps 42-46).
// The engine is now whole (Engine/Value.cs, the second notebook's Value): plain numbers mix with Values
// (2 * v, v + 1), and it gains exp, a constant power, negation, subtraction and division, the last three
// built from * and Pow exactly as the lecture builds them. Writing tanh(n) as (e^2n - 1) / (e^2n + 1) with
// those operations gives a bigger graph but the same gradients: any operation works, as long as it knows
// its local derivative, and how big an operation is (tanh, or its parts) is up to us.
//   dotnet run samples/Lecture/07-tanh-as-exp.cs
#:project Engine
#:project Support
using Micrograd.Samples.Lecture;
using Micrograd.Samples.Lecture.Engine;

Arguments.None(args, "07-tanh-as-exp.cs");

static void Draw(Value root, string name) => Pictures.Graph(root, v => (v.Operator, v.Data, v.Grad, v.Label, v.Inputs), name);

// The step 14 neuron, up to n, as a dictionary so that the two versions below can share it.
static Dictionary<string, Value> Neuron()
{
    var x1 = new Value(2.0, label: "x1");
    var x2 = new Value(0.0, label: "x2");
    var w1 = new Value(-3.0, label: "w1");
    var w2 = new Value(1.0, label: "w2");
    var b = new Value(6.8813735870195432, label: "b");
    var x1w1 = x1 * w1; x1w1.Label = "x1*w1";
    var x2w2 = x2 * w2; x2w2.Label = "x2*w2";
    var x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.Label = "x1*w1 + x2*w2";
    var n = x1w1x2w2 + b; n.Label = "n";
    return new() { ["x1"] = x1, ["x2"] = x2, ["w1"] = w1, ["w2"] = w2, ["b"] = b, ["n"] = n };
}

static void PrintGrads(Dictionary<string, Value> v, Value o) =>
    Console.WriteLine($"o = {Python.Repr(o.Data)}; grads: " + string.Join(", ", new[] { "x1", "x2", "w1", "w2", "b", "n" }.Select(k => $"{k} {Python.Repr(v[k].Grad)}")));

Console.WriteLine("the new operations: a = Value(2.0); b = Value(4.0)");
var a = new Value(2.0);
var bb = new Value(4.0);
foreach (var (python, value) in new[] { ("a + 1", a + 1), ("2 * a", 2 * a), ("a.exp()", a.Exp()), ("a / b", a / bb), ("a - b", a - bb), ("a**2", a.Pow(2)) })
{
    Console.WriteLine($"{python} = {Python.ValueRepr(value.Data)}");
}


Console.WriteLine("[44] o = n.tanh(); o.backward()   # tanh as one operation");
var neuron = Neuron();
var o = neuron["n"].Tanh(); o.Label = "o";
o.Backward();
PrintGrads(neuron, o);
Console.WriteLine("[45] draw_dot(o)");
Draw(o, "07-neuron-tanh");

Console.WriteLine("[46] e = (2*n).exp(); o = (e - 1) / (e + 1); o.backward()   # tanh from exp, +, -, * and **-1");
neuron = Neuron();
var e = (2 * neuron["n"]).Exp();
o = (e - 1) / (e + 1); o.Label = "o";
o.Backward();
PrintGrads(neuron, o);
Console.WriteLine("draw_dot(o)   # the same grads for x1, x2, w1, w2, b and n; the unlabelled boxes are tanh's parts");
Draw(o, "07-neuron-exp");
