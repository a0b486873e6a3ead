#!/usr/bin/env dotnet
// Chapter 3: gradients by hand, checked by nudging, and one step along them (lecture steps 10-12).
// Each Value gets a Grad: the derivative of the output L with respect to it. Starting from dL/dL = 1 and
// walking back, the chain rule gives each one: at a * node, an input's grad is the other input's data times
// the output's grad; a + node passes its grad unchanged to both inputs. Nudging a leaf by h confirms a grad
// numerically; nudging every leaf a little along its grad makes L go up.
//   dotnet run samples/Lecture/03-manual-gradients.cs
#:project Support
using Micrograd.Samples.Lecture;

Arguments.None(args, "03-manual-gradients.cs");

// The expression of chapter 2, built by a function so that it can be rebuilt with nudged inputs.
static (Value A, Value B, Value C, Value D, Value E, Value F, Value L) BuildL(double a, double b, double c, double f)
{
    var va = new Value(a, label: "a");
    var vb = new Value(b, label: "b");
    var vc = new Value(c, label: "c");
    var vf = new Value(f, label: "f");
    var e = va * vb; e.Label = "e";
    var d = e + vc; d.Label = "d";
    var L = d * vf; L.Label = "L";
    return (va, vb, vc, d, e, vf, L);
}

var (a, b, c, d, e, f, L) = BuildL(2.0, -3.0, 10.0, -2.0);
Console.WriteLine("[10] the gradients of L = (a*b + c) * f, by hand with the chain rule");
L.Grad = 1.0;                 // dL/dL
f.Grad = d.Data * L.Grad;     // L = d * f, so dL/df = d
d.Grad = f.Data * L.Grad;     // and dL/dd = f
c.Grad = 1.0 * d.Grad;        // d = e + c: a + node routes dL/dd to both inputs
e.Grad = 1.0 * d.Grad;
a.Grad = b.Data * e.Grad;     // e = a * b: dL/da = b * dL/de
b.Grad = a.Data * e.Grad;     //            dL/db = a * dL/de
Pictures.Graph(L, v => (v.Operator, v.Data, v.Grad, v.Label, v.Inputs), "03-L-grads");

Console.WriteLine("[12] lol(): dL/db numerically, (L(b + h) - L(b)) / h with h = 0.001   # by hand: -4.0");
double h = 0.001;
double L1 = BuildL(2.0, -3.0, 10.0, -2.0).L.Data;
double bNudged = -3.0;
bNudged += h;
double L2 = BuildL(2.0, bNudged, 10.0, -2.0).L.Data;
Console.WriteLine(Python.Repr((L2 - L1) / h));

Console.WriteLine("[11] one step up the gradient: every leaf += 0.01 * its grad, then L again   # was -8.0");
a.Data += 0.01 * a.Grad;
b.Data += 0.01 * b.Grad;
c.Data += 0.01 * c.Grad;
f.Data += 0.01 * f.Grad;
e = a * b;
d = e + c;
L = d * f;
Console.WriteLine(Python.Repr(L.Data));

// Chapter 2's Value plus a Grad, which this chapter sets by hand.
sealed class Value(double data, Value[]? inputs = null, string op = "", string label = "")
{
    public double Data { get; set; } = data;
    public double Grad { get; set; }                           // dL/d(this value); 0.0 until someone sets it
    public IReadOnlyList<Value> Inputs { get; } = inputs ?? []; // _prev
    public string Operator { get; } = op;                      // _op
    public string Label { get; set; } = label;

    public static Value operator +(Value self, Value other) => new(self.Data + other.Data, [self, other], "+");

    public static Value operator *(Value self, Value other) => new(self.Data * other.Data, [self, other], "*");

    public override string ToString() => Python.ValueRepr(Data);
}
