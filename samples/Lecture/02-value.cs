#!/usr/bin/env dotnet
// Chapter 2: a Value that remembers how it was made (lecture steps 8-10).
// A Value wraps a number and, when an operation makes it, the operation (Operator, the lecture's _op) and the
// values it was made from (Inputs, the lecture's _prev). Chaining + and * then builds a graph of the
// expression as it is computed: the graph that backpropagation will walk backwards in the chapters to come.
//   dotnet run samples/Lecture/02-value.cs
#:project Support
using Micrograd.Samples.Lecture;

Arguments.None(args, "02-value.cs");

Console.WriteLine("[8] a = Value(2.0); b = Value(-3.0); c = Value(10.0); e = a*b; d = e + c; f = Value(-2.0); L = d * f; L");
var a = new Value(2.0, label: "a");
var b = new Value(-3.0, label: "b");
var c = new Value(10.0, label: "c");
var e = a * b; e.Label = "e";
var d = e + c; d.Label = "d";
var f = new Value(-2.0, label: "f");
var L = d * f; L.Label = "L";
Console.WriteLine(L);

Console.WriteLine("d._prev, d._op   # what d was made from, and how");
Console.WriteLine($"[{string.Join(", ", d.Inputs)}] {d.Operator}");

Console.WriteLine("[10] draw_dot(L)   # every value a box: label | data | grad (no gradients yet)");
Pictures.Graph(L, v => (v.Operator, v.Data, 0.0, v.Label, v.Inputs), "02-L");

// The lecture's Value so far: a number, and how it was made. (C#: operators are static methods.)
sealed class Value(double data, Value[]? inputs = null, string op = "", string label = "")
{
    public double Data { get; } = data;
    public IReadOnlyList<Value> Inputs { get; } = inputs ?? []; // _prev
    public string Operator { get; } = op;                      // _op
    public string Label { get; set; } = label;

    public static Value operator +(Value self, Value other) => new(self.Data + other.Data, [self, other], "+");

    public static Value operator *(Value self, Value other) => new(self.Data * other.Data, [self, other], "*");

    public override string ToString() => Python.ValueRepr(Data);
}
