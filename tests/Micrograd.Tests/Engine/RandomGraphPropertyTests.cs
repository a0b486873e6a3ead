using CsCheck;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Random graphs, in which every new node may use any earlier one (so values are shared and used twice by
/// one operation), are built in Micrograd and evaluated by a small independent reference: forward-mode
/// differentiation with dual numbers, each operation's derivative written out here from calculus. The data of
/// every node and the gradient of every leaf must agree. CsCheck shrinks a failure to a small graph.
/// </summary>
public sealed class RandomGraphPropertyTests
{
    private enum Kind
    {
        Add, Subtract, Multiply, Divide, Max, Min, Power,
        Negate, Square, Cube, Inverse, Exp, Log, Tanh, Sigmoid, Relu, LeakyRelu, Softplus, Sin, Cos, Sqrt, Abs, Gelu,
        Sum, Dot, Function, Affine,
    }

    // One operation: its kind and the earlier entries it reads (taken modulo the number of entries so far).
    private sealed record Step(Kind Kind, int[] Operands, bool WithBias, int Rows, int Activation)
    {
        public override string ToString() =>
            Kind + "(" + string.Join(",", Operands) + ")" + (Kind == Kind.Affine ? $"[rows={Rows} bias={WithBias} act={Activation}]" : "");
    }

    private sealed record Graph(double[] Leaves, Step[] Steps)
    {
        public override string ToString() =>
            "leaves [" + string.Join(", ", Leaves.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            + "]; " + string.Join("; ", Steps.Select(s => s.ToString()));
    }

    // Away from 0, where |x|, √|x| and ln|x| have kinks and poles that the two sides may round to different sides of.
    private static readonly Gen<double> Leaves =
        from magnitude in Gen.Double[0.1, 2]
        from negative in Gen.Bool
        select negative ? -magnitude : magnitude;

    private static readonly Gen<Step> Steps =
        from kind in Gen.Enum<Kind>()
        from operands in Gen.Int[0, 1000].Array[1, 12]
        from withBias in Gen.Bool
        from rows in Gen.Int[1, 6]
        from activation in Gen.Int[0, 3]
        select new Step(kind, operands, withBias, rows, activation);

    private static readonly Gen<Graph> Graphs =
        from leaves in Leaves.Array[1, 4]
        from steps in Steps.Array[1, 40]
        select new Graph(leaves, steps);

    [Fact]
    public void Random_graphs_agree_with_forward_mode_dual_numbers()
    {
        int compared = 0;
        Graphs.Sample(graph => Agrees(graph, ref compared).Should().BeNull(), iter: 3000);

        // Graphs that overflow (exp of exp, 1/x near 0) are not compared; about half of them are, and at least 40%
        // must be, or the property would prove little.
        compared.Should().BeGreaterThan(1200);
    }

    [Fact]
    public void Backward_again_recomputes_interior_gradients_and_adds_to_leaves_the_same_amounts()
    {
        Graphs.Sample(graph =>
        {
            (Value[] leaves, List<Value> values, Value output) = BuildValues(graph);
            output.Backward();
            double[] leafGradients = leaves.Select(leaf => leaf.Grad).ToArray();
            double[] interiorGradients = values.Select(value => value.Grad).ToArray();

            output.Backward(); // leaves not zeroed: interior values start from zero again all the same
            values.Select(value => value.Grad).Should().Equal(interiorGradients);

            foreach (Value leaf in leaves)
            {
                leaf.Grad = 0;
            }

            output.Backward();
            leaves.Select(leaf => leaf.Grad).Should().Equal(leafGradients);
        }, iter: 500);
    }

    // Null when they agree, or what differs.
    private static string? Agrees(Graph graph, ref int compared)
    {
        (Value[] leaves, List<Value> values, Value output) = BuildValues(graph);
        List<Dual> reference = Evaluate(graph, out Dual referenceOutput);
        output.Backward();

        if (!Close(output.Data, referenceOutput.Value, referenceOutput.Scale))
        {
            return $"output {output.Data:R} vs {referenceOutput.Value:R}";
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (!Close(values[i].Data, reference[i].Value, reference[i].Scale))
            {
                return $"value {i}: {values[i].Data:R} vs {reference[i].Value:R}";
            }
        }

        for (int i = 0; i < leaves.Length; i++)
        {
            if (!Close(leaves[i].Grad, referenceOutput.Derivatives[i], referenceOutput.DerivativeScales[i]))
            {
                return $"leaf {i} gradient: {leaves[i].Grad:R} vs {referenceOutput.Derivatives[i]:R} (scale {referenceOutput.DerivativeScales[i]:R})";
            }
        }

        if (double.IsFinite(referenceOutput.Scale) && referenceOutput.Scale <= 1e12
            && referenceOutput.DerivativeScales.All(scale => double.IsFinite(scale) && scale <= 1e12))
        {
            Interlocked.Increment(ref compared);
        }

        return null;
    }

    // Agreement up to rounding: the two sides add the same terms in different orders and compute derivatives
    // by different formulas, so the error grows with the size of the terms (scale), not of the result, which
    // cancellation can make small; 1e-6 of it leaves room for the rounding of the operands that the scale does
    // not track, while a wrong derivative is off by a sizeable fraction of it. A result the reference could not
    // compute finitely is not compared.
    private static bool Close(double actual, double expected, double scale) =>
        !double.IsFinite(expected) || !double.IsFinite(scale) || scale > 1e12
        || Math.Abs(actual - expected) <= 1e-6 * (scale + Math.Abs(expected)) + 1e-300;

    private static UnaryOperation? ActivationOf(int index) => index switch
    {
        0 => UnaryOperation.Tanh,
        1 => UnaryOperation.Relu,
        2 => UnaryOperation.Sigmoid,
        _ => null, // no activation
    };

    private static (Value[] Leaves, List<Value> Values, Value Output) BuildValues(Graph graph)
    {
        Value[] leaves = graph.Leaves.Select(x => new Value(x)).ToArray();
        var all = new List<Value>(leaves);
        var interior = new List<Value>();
        foreach (Step step in graph.Steps)
        {
            Value Operand(int k) => all[step.Operands[k % step.Operands.Length] % all.Count];
            Value a = Operand(0), b = Operand(1);
            var made = new List<Value>();
            switch (step.Kind)
            {
                case Kind.Add: made.Add(a + b); break;
                case Kind.Subtract: made.Add(a - b); break;
                case Kind.Multiply: made.Add(a * b); break;
                case Kind.Divide: made.Add(a / b); break;
                case Kind.Max: made.Add(Value.Max(a, b)); break;
                case Kind.Min: made.Add(Value.Min(a, b)); break;
                case Kind.Power: made.Add(a.Abs().Pow(b)); break;
                case Kind.Negate: made.Add(-a); break;
                case Kind.Square: made.Add(a.Pow(2)); break;
                case Kind.Cube: made.Add(a.Pow(3)); break;
                case Kind.Inverse: made.Add(a.Pow(-1)); break;
                case Kind.Exp: made.Add(a.Exp()); break;
                case Kind.Log: made.Add(a.Abs().Log()); break;
                case Kind.Tanh: made.Add(a.Tanh()); break;
                case Kind.Sigmoid: made.Add(a.Sigmoid()); break;
                case Kind.Relu: made.Add(a.Relu()); break;
                case Kind.LeakyRelu: made.Add(a.LeakyRelu(0.1)); break;
                case Kind.Softplus: made.Add(a.Softplus()); break;
                case Kind.Sin: made.Add(a.Sin()); break;
                case Kind.Cos: made.Add(a.Cos()); break;
                case Kind.Sqrt: made.Add(a.Abs().Sqrt()); break;
                case Kind.Abs: made.Add(a.Abs()); break;
                case Kind.Gelu: made.Add(a.Gelu()); break;
                case Kind.Sum:
                    made.Add(Value.Sum(step.Operands.Select((_, k) => Operand(k))));
                    break;
                case Kind.Dot:
                {
                    int half = Math.Max(1, step.Operands.Length / 2);
                    made.Add(Value.Dot(
                        Enumerable.Range(0, half).Select(k => Operand(k)).ToArray(),
                        Enumerable.Range(0, half).Select(k => Operand(half + k)).ToArray()));
                    break;
                }

                case Kind.Function:
                    // f(a, b) = a·b + 3a, with ∂f/∂a = b + 3 and ∂f/∂b = a
                    made.Add(Value.Function("f", [a, b], a.Data * b.Data + 3 * a.Data, [b.Data + 3, a.Data]));
                    break;
                case Kind.Affine:
                {
                    // Weights, inputs and biases all come from earlier entries, leaves or not.
                    int n = Math.Max(1, step.Operands.Length / 2);
                    int cursor = 0;
                    Value Next() => Operand(cursor++);
                    Value[] inputs = Enumerable.Range(0, n).Select(_ => Next()).ToArray();
                    Value[][] weights = Enumerable.Range(0, step.Rows).Select(_ => Enumerable.Range(0, n).Select(_ => Next()).ToArray()).ToArray();
                    Value[]? biases = step.WithBias ? Enumerable.Range(0, step.Rows).Select(_ => Next()).ToArray() : null;
                    made.AddRange(new AffineMap(weights, biases, ActivationOf(step.Activation)).Apply(inputs));
                    break;
                }
            }

            all.AddRange(made);
            interior.AddRange(made);
        }

        return (leaves, interior, Value.Sum(interior));
    }

    /// <summary>
    /// A number with its derivatives with respect to every leaf, and for each the size its rounding errors scale
    /// with: the sum of the magnitudes of the terms that made it.
    /// </summary>
    private readonly record struct Dual(double Value, double Scale, double[] Derivatives, double[] DerivativeScales)
    {
        // f(x) with f'(x) = slope: the chain rule, d f(x) = f'(x) dx. A slope that is a difference of terms of
        // size slopeScale (1 − tanh², say) may be computed with an error of that size times the rounding unit.
        public Dual Apply(double value, double slope, double? slopeScale = null)
        {
            double[] derivatives = Derivatives;
            double slopeError = slopeScale ?? Math.Abs(slope);
            return new(
                value, Math.Abs(value) + Math.Abs(slope) * Scale,
                derivatives.Select(d => slope * d).ToArray(),
                DerivativeScales.Select((s, i) => Math.Abs(slope) * s + slopeError * Math.Abs(derivatives[i])).ToArray());
        }

        // Rounding could put x on either side of a kink or a tie at which an operation's value or derivative
        // jumps (max, ReLU, |x|): a result that depends on the side is not compared.
        public Dual Unsure() => new(
            Value, double.PositiveInfinity, Derivatives, DerivativeScales.Select(_ => double.PositiveInfinity).ToArray());

        public static bool NearKink(double x, double scale) => Math.Abs(x) <= 1e-6 * scale && scale > 0;

        // a·x + b·y for the derivatives of a result with partial derivatives a and b.
        public static Dual Combine(double value, Dual x, double a, Dual y, double b) => new(
            value, Math.Abs(value) + Math.Abs(a) * x.Scale + Math.Abs(b) * y.Scale,
            x.Derivatives.Select((d, i) => a * d + b * y.Derivatives[i]).ToArray(),
            x.DerivativeScales.Select((s, i) => Math.Abs(a) * s + Math.Abs(b) * y.DerivativeScales[i]).ToArray());
    }

    private static List<Dual> Evaluate(Graph graph, out Dual output)
    {
        int n = graph.Leaves.Length;
        var all = new List<Dual>();
        for (int i = 0; i < n; i++)
        {
            double[] unit = new double[n];
            unit[i] = 1;
            all.Add(new Dual(graph.Leaves[i], Math.Abs(graph.Leaves[i]), unit, (double[])unit.Clone()));
        }

        var interior = new List<Dual>();
        foreach (Step step in graph.Steps)
        {
            Dual Operand(int k) => all[step.Operands[k % step.Operands.Length] % all.Count];
            Dual a = Operand(0), b = Operand(1);
            double x = a.Value, y = b.Value;
            var made = new List<Dual>();
            if (Dual.NearKink(x, a.Scale) && step.Kind is Kind.Relu or Kind.LeakyRelu or Kind.Abs or Kind.Power or Kind.Log or Kind.Sqrt)
            {
                a = a.Unsure();
            }

            switch (step.Kind)
            {
                case Kind.Add: made.Add(Dual.Combine(x + y, a, 1, b, 1)); break;
                case Kind.Subtract: made.Add(Dual.Combine(x - y, a, 1, b, -1)); break;
                case Kind.Multiply: made.Add(Dual.Combine(x * y, a, y, b, x)); break;
                case Kind.Divide: made.Add(Dual.Combine(x / y, a, 1 / y, b, -(x / y) / y)); break; // not x / y², which underflows sooner
                case Kind.Max:
                {
                    Dual max = Dual.Combine(Math.Max(x, y), a, x > y ? 1 : x == y ? 0.5 : 0, b, y > x ? 1 : x == y ? 0.5 : 0);
                    made.Add(SameEntry(a, b) || !Dual.NearKink(x - y, a.Scale + b.Scale) ? max : max.Unsure());
                    break;
                }

                case Kind.Min:
                {
                    Dual min = Dual.Combine(Math.Min(x, y), a, x < y ? 1 : x == y ? 0.5 : 0, b, y < x ? 1 : x == y ? 0.5 : 0);
                    made.Add(SameEntry(a, b) || !Dual.NearKink(x - y, a.Scale + b.Scale) ? min : min.Unsure());
                    break;
                }
                case Kind.Power:
                {
                    // |x|^y: d/dx = y |x|^(y-1) sign(x), d/dy = |x|^y ln|x|
                    double ax = Math.Abs(x), p = Math.Pow(ax, y);
                    double sign = x > 0 ? 1 : x < 0 ? -1 : 0;
                    made.Add(Dual.Combine(p, a, y == 0 ? 0 : y * Math.Pow(ax, y - 1) * sign, b, ax == 0 && y >= 0 ? 0 : p * Math.Log(ax)));
                    break;
                }

                case Kind.Negate: made.Add(a.Apply(-x, -1)); break;
                case Kind.Square: made.Add(a.Apply(x * x, 2 * x)); break;
                case Kind.Cube: made.Add(a.Apply(x * x * x, 3 * x * x)); break;
                case Kind.Inverse: made.Add(a.Apply(1 / x, -(1 / x) / x)); break;
                case Kind.Exp: made.Add(a.Apply(Math.Exp(x), Math.Exp(x))); break;
                case Kind.Log: made.Add(a.Apply(Math.Log(Math.Abs(x)), Sign(x) / Math.Abs(x))); break;
                case Kind.Tanh: made.Add(a.Apply(Math.Tanh(x), 1 / (Math.Cosh(x) * Math.Cosh(x)), 1)); break;
                case Kind.Sigmoid:
                {
                    double s = Sigmoid(x);
                    made.Add(a.Apply(s, s * (1 - s), s));
                    break;
                }

                case Kind.Relu: made.Add(a.Apply(x > 0 ? x : 0, x > 0 ? 1 : 0)); break;
                case Kind.LeakyRelu: made.Add(a.Apply(x > 0 ? x : 0.1 * x, x > 0 ? 1 : 0.1)); break;
                case Kind.Softplus: made.Add(a.Apply(Math.Max(x, 0) + LogOnePlus(Math.Exp(-Math.Abs(x))), 1 / (1 + Math.Exp(-x)))); break;
                case Kind.Sin: made.Add(a.Apply(Math.Sin(x), Math.Cos(x))); break;
                case Kind.Cos: made.Add(a.Apply(Math.Cos(x), -Math.Sin(x))); break;
                case Kind.Sqrt: made.Add(a.Apply(Math.Sqrt(Math.Abs(x)), Sign(x) * 0.5 / Math.Sqrt(Math.Abs(x)))); break;
                case Kind.Abs: made.Add(a.Apply(Math.Abs(x), x > 0 ? 1 : x < 0 ? -1 : 0)); break;
                case Kind.Gelu:
                {
                    // 0.5 x (1 + tanh(u)), u = √(2/π)(x + 0.044715 x³)
                    double k = Math.Sqrt(2 / Math.PI);
                    double t = Math.Tanh(k * (x + 0.044715 * x * x * x));
                    made.Add(a.Apply(0.5 * x * (1 + t), 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * 0.044715 * x * x), 1 + Math.Abs(x * k * (1 + 3 * 0.044715 * x * x))));
                    break;
                }

                case Kind.Sum:
                    made.Add(Sum(step.Operands.Select((_, k) => Operand(k)).ToList(), n));
                    break;
                case Kind.Dot:
                {
                    int half = Math.Max(1, step.Operands.Length / 2);
                    made.Add(Sum(Enumerable.Range(0, half).Select(k => Product(Operand(k), Operand(half + k))).ToList(), n));
                    break;
                }

                case Kind.Function:
                    made.Add(Dual.Combine(x * y + 3 * x, a, y + 3, b, x));
                    break;
                case Kind.Affine:
                {
                    int inputCount = Math.Max(1, step.Operands.Length / 2);
                    int cursor = 0;
                    Dual Next() => Operand(cursor++);
                    Dual[] inputs = Enumerable.Range(0, inputCount).Select(_ => Next()).ToArray();
                    Dual[][] weights = Enumerable.Range(0, step.Rows).Select(_ => Enumerable.Range(0, inputCount).Select(_ => Next()).ToArray()).ToArray();
                    Dual[]? biases = step.WithBias ? Enumerable.Range(0, step.Rows).Select(_ => Next()).ToArray() : null;
                    for (int r = 0; r < step.Rows; r++)
                    {
                        var terms = Enumerable.Range(0, inputCount).Select(i => Product(weights[r][i], inputs[i])).ToList();
                        if (biases is not null)
                        {
                            terms.Insert(0, biases[r]);
                        }

                        Dual s = Sum(terms, n);
                        if (Dual.NearKink(s.Value, s.Scale))
                        {
                            s = s.Unsure();
                        }

                        double v = s.Value;
                        made.Add(step.Activation switch
                        {
                            0 => s.Apply(Math.Tanh(v), 1 / (Math.Cosh(v) * Math.Cosh(v)), 1),
                            1 => s.Apply(v > 0 ? v : 0, v > 0 ? 1 : 0),
                            2 => s.Apply(Sigmoid(v), Sigmoid(v) * (1 - Sigmoid(v)), Sigmoid(v)),
                            _ => s,
                        });
                    }

                    break;
                }
            }

            all.AddRange(made);
            interior.AddRange(made);
        }

        output = Sum(interior, n);
        return interior;
    }

    private static bool SameEntry(Dual x, Dual y) => ReferenceEquals(x.Derivatives, y.Derivatives);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : 0;

    // ln(1 + y), accurate for tiny y by Goldberg's correction (What Every Computer Scientist Should Know About
    // Floating-Point Arithmetic, theorem 4): u = 1 + y rounded, then ln(u) · y / (u − 1).
    private static double LogOnePlus(double y)
    {
        double u = 1 + y;
        return u == 1 ? y : Math.Log(u) * y / (u - 1);
    }

    private static Dual Product(Dual x, Dual y) => Dual.Combine(x.Value * y.Value, x, y.Value, y, x.Value);

    private static Dual Sum(List<Dual> terms, int leafCount)
    {
        var zero = new Dual(0, 0, new double[leafCount], new double[leafCount]);
        return terms.Aggregate(zero, (total, term) => Dual.Combine(total.Value + term.Value, total, 1, term, 1));
    }
}
