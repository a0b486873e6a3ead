#!/usr/bin/env dotnet
// Chapter 6: Backward() in one call, and why gradients must accumulate (lecture steps 8, 15-17, 32-33).
// A value's BackwardStep may run only once every value made from it has passed its grad back. A topological
// order (build_topo: a value after all of its inputs) guarantees that when walked in reverse, so Backward()
// sorts the graph, sets its own grad to 1 and calls every BackwardStep in reverse order.
// A value used twice (b = a + a) gets a grad from each use. With `=` in BackwardStep, the second overwrites
// the first: the bug the lecture finds. With `+=` the contributions add up, as the multivariable chain rule says.
//   dotnet run samples/Lecture/06-backward.cs
#:project Support
using Micrograd.Samples.Lecture;

Arguments.None(args, "06-backward.cs");

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

Console.WriteLine("[17] build_topo(o); topo   # in operand order; the notebook's set() gives another valid order");
Console.WriteLine("[" + string.Join(",\n ", o.TopologicalOrder()) + "]");

Console.WriteLine("[16] o.backward()");
o.Backward();
Console.WriteLine("[15] draw_dot(o)");
Pictures.Graph(o, v => (v.Operator, v.Data, v.Grad, v.Label, v.Inputs), "06-neuron");

foreach (bool bug in new[] { true, false })
{
    Value.OverwriteBug = bug;
    Console.WriteLine(bug ? "--- with the bug: BackwardStep sets grads with = ---" : "--- fixed: BackwardStep adds grads with += ---");
    Console.WriteLine("[32] a = Value(3.0); b = a + a; b.backward()   # db/da = 2");
    var a = new Value(3.0, label: "a");
    var b2 = a + a; b2.Label = "b";
    b2.Backward();
    Console.WriteLine($"a.grad = {Python.Repr(a.Grad)}");
    if (!bug)
    {
        Pictures.Graph(b2, v => (v.Operator, v.Data, v.Grad, v.Label, v.Inputs), "06-a-plus-a");
    }

    Console.WriteLine("[33] a = Value(-2.0); b = Value(3.0); d = a * b; e = a + b; f = d * e; f.backward()   # df/da = -3, df/db = -8");
    a = new Value(-2.0, label: "a");
    var b3 = new Value(3.0, label: "b");
    var d = a * b3; d.Label = "d";
    var e = a + b3; e.Label = "e";
    var f = d * e; f.Label = "f";
    f.Backward();
    Console.WriteLine($"a.grad = {Python.Repr(a.Grad)}, b.grad = {Python.Repr(b3.Grad)}");
    if (!bug)
    {
        Pictures.Graph(f, v => (v.Operator, v.Data, v.Grad, v.Label, v.Inputs), "06-shared-inputs");
    }
}

// Chapter 5's Value plus TopologicalOrder and Backward: the first notebook's final Value (step 8).
// OverwriteBug switches BackwardStep between the lecture's first `=` and its fix `+=`, to show both.
sealed class Value(double data, Value[]? inputs = null, string op = "", string label = "")
{
    public static bool OverwriteBug { get; set; }

    public double Data { get; set; } = data;
    public double Grad { get; set; }
    public IReadOnlyList<Value> Inputs { get; } = inputs ?? []; // _prev
    public string Operator { get; } = op;                      // _op
    public string Label { get; set; } = label;
    public Action BackwardStep { get; set; } = () => { };     // _backward

    public static Value operator +(Value self, Value other)
    {
        var output = new Value(self.Data + other.Data, [self, other], "+");
        output.BackwardStep = () =>
        {
            self.AddToGrad(1.0 * output.Grad);
            other.AddToGrad(1.0 * output.Grad);
        };
        return output;
    }

    public static Value operator *(Value self, Value other)
    {
        var output = new Value(self.Data * other.Data, [self, other], "*");
        output.BackwardStep = () =>
        {
            self.AddToGrad(other.Data * output.Grad);
            other.AddToGrad(self.Data * output.Grad);
        };
        return output;
    }

    public Value Tanh()
    {
        double t = (Math.Exp(2 * Data) - 1) / (Math.Exp(2 * Data) + 1);
        var output = new Value(t, [this], "tanh");
        output.BackwardStep = () => AddToGrad((1 - Math.Pow(t, 2)) * output.Grad);
        return output;
    }

    // build_topo: visit every input first, then add the value; each value once.
    public List<Value> TopologicalOrder()
    {
        var topo = new List<Value>();
        var visited = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        void BuildTopo(Value v)
        {
            if (visited.Add(v))
            {
                foreach (Value child in v.Inputs)
                {
                    BuildTopo(child);
                }

                topo.Add(v);
            }
        }

        BuildTopo(this);
        return topo;
    }

    public void Backward()
    {
        List<Value> topo = TopologicalOrder();
        Grad = 1.0;
        for (int i = topo.Count - 1; i >= 0; i--)
        {
            topo[i].BackwardStep();
        }
    }

    private void AddToGrad(double contribution)
    {
        if (OverwriteBug)
        {
            Grad = contribution;  // the bug: a value used twice keeps only its last contribution
        }
        else
        {
            Grad += contribution; // the fix: contributions add up
        }
    }

    public override string ToString() => Python.ValueRepr(Data);
}
