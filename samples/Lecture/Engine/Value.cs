// The learner's Value, complete: the lecture's second notebook (step 42), written in C#.
// Every operation makes a new Value from its inputs and gives it a BackwardStep (the lecture's _backward):
// the chain rule for that one operation, local derivative times out.Grad, added (+=) to each input's Grad.
namespace Micrograd.Samples.Lecture.Engine;

public sealed class Value
{
    public Value(double data, IReadOnlyList<Value>? inputs = null, string op = "", string label = "")
    {
        Data = data;
        Inputs = inputs ?? [];
        Operator = op;
        Label = label;
    }

    public double Data { get; set; }
    public double Grad { get; set; }            // d(output)/d(this value), 0 until Backward() reaches it
    public IReadOnlyList<Value> Inputs { get; } // the lecture's _prev, kept in operand order (a + a lists a twice)
    public string Operator { get; }             // the lecture's _op
    public string Label { get; set; }
    public Action BackwardStep { get; set; } = () => { }; // the lecture's _backward: nothing to do for a leaf

    public static implicit operator Value(double data) => new(data);

    public static Value operator +(Value self, Value other)
    {
        var output = new Value(self.Data + other.Data, [self, other], "+");
        output.BackwardStep = () =>
        {
            self.Grad += 1.0 * output.Grad;
            other.Grad += 1.0 * output.Grad;
        };
        return output;
    }

    public static Value operator *(Value self, Value other)
    {
        var output = new Value(self.Data * other.Data, [self, other], "*");
        output.BackwardStep = () =>
        {
            self.Grad += other.Data * output.Grad;
            other.Grad += self.Data * output.Grad;
        };
        return output;
    }

    public Value Pow(double other) // a constant exponent only, as in the lecture
    {
        var output = new Value(Math.Pow(Data, other), [this], FormattableString.Invariant($"**{other}"));
        output.BackwardStep = () => Grad += other * Math.Pow(Data, other - 1) * output.Grad;
        return output;
    }

    public Value Tanh()
    {
        double t = (Math.Exp(2 * Data) - 1) / (Math.Exp(2 * Data) + 1);
        var output = new Value(t, [this], "tanh");
        output.BackwardStep = () => Grad += (1 - Math.Pow(t, 2)) * output.Grad;
        return output;
    }

    public Value Exp()
    {
        var output = new Value(Math.Exp(Data), [this], "exp");
        output.BackwardStep = () => Grad += output.Data * output.Grad;
        return output;
    }

    // The rest is built from the operations above, exactly as the lecture builds it.
    public static Value operator -(Value self) => self * -1;                       // __neg__
    public static Value operator -(Value self, Value other) => self + (-other);    // __sub__
    public static Value operator -(Value self, double other) => self + (-other);   // v - 1: Python negates the number itself
    public static Value operator /(Value self, Value other) => self * other.Pow(-1); // __truediv__
    public static Value operator +(double other, Value self) => self + other;      // __radd__: 0 + v inside sum()
    public static Value operator *(double other, Value self) => self * other;      // __rmul__: 2 * v

    // Inputs before the values made from them: the lecture's build_topo (depth-first, each value once).
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

    public override string ToString() => FormattableString.Invariant($"Value(data={Data:R})");
}
