using System.Globalization;
using Micrograd.Nn;

namespace Micrograd.BrowserTests;

/// <summary>The graphs the page tests draw, and helpers to read them through the public API.</summary>
internal static class Graphs
{
    public static readonly string[] Names = ["neuron", "readme", "every operation", "mlp", "a leaf", "infinities"];

    public static Value Build(string name) => name switch
    {
        "neuron" => Neuron(),
        "readme" => Readme(),
        "every operation" => EveryOperation(),
        "mlp" => SmallMlpLoss(),
        "a leaf" => new Value(3.0, "alone"),
        "infinities" => new Value(0.0, "z").Log() * new Value(2.0, "k"), // ln 0 = -∞, so k.grad = -∞ and z.grad = 2/0 = ∞
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The lecture's neuron: o = tanh(x1*w1 + x2*w2 + b).</summary>
    public static Value Neuron()
    {
        var x1 = new Value(2.0, "x1");
        var x2 = new Value(0.0, "x2");
        var w1 = new Value(-3.0, "w1");
        var w2 = new Value(1.0, "w2");
        var b = new Value(6.8813735870195432, "b");
        var x1w1 = x1 * w1; x1w1.Label = "x1*w1";
        var x2w2 = x2 * w2; x2w2.Label = "x2*w2";
        var sum = x1w1 + x2w2; sum.Label = "x1*w1 + x2*w2";
        var n = sum + b; n.Label = "n";
        var o = n.Tanh(); o.Label = "o";
        return o;
    }

    /// <summary>micrograd's README expression, where values are used several times.</summary>
    public static Value Readme()
    {
        var a = new Value(-4.0, "a");
        var b = new Value(2.0, "b");
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
        return g;
    }

    /// <summary>Every operation the engine has, including whole neurons of each activation, and a value used twice by one sum.</summary>
    public static Value EveryOperation()
    {
        var a = new Value(1.5, "a");
        var b = new Value(-0.7, "b");
        var c = new Value(2.2, "c");
        var random = new Random(7);
        var terms = new List<Value>
        {
            a * b, a / c, -b, a.Pow(c), c.Pow(3), b.Exp(), c.Log(), b.Tanh(), a.Relu(), b.Relu(), a.Sigmoid(), b.Softplus(), a - c,
            Value.Dot([a, b, c], [c, a, b]),
            a, a,
        };
        foreach (Activation activation in new[] { Activation.Tanh, Activation.Relu, Activation.Sigmoid, Activation.Linear })
        {
            var layer = new Layer(3, 2, activation, random);
            terms.AddRange(layer.Forward([terms[3], terms[5], b]));
        }

        return Value.Sum(terms);
    }

    /// <summary>A small network's loss on a few points: neurons, hinge loss and L2 regularisation.</summary>
    public static Value SmallMlpLoss()
    {
        var random = new Random(3);
        var model = new MLP(2, [4, 4, 1], Activation.Relu, Activation.Linear, random);
        double[][] points = [[0.5, -1.0], [-0.3, 0.8], [1.2, 0.1]];
        double[] labels = [1, -1, 1];
        var scores = points.Select(p => model.Forward(p)[0]).ToList();
        return Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-3);
    }

    /// <summary>Every value of the graph, each once.</summary>
    public static List<Value> All(Value root)
    {
        var seen = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        var all = new List<Value>();
        var stack = new Stack<Value>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            Value v = stack.Pop();
            if (!seen.Add(v))
            {
                continue;
            }

            all.Add(v);
            foreach (Value input in v.Inputs)
            {
                stack.Push(input);
            }
        }

        return all;
    }

    /// <summary>
    /// Gives every value a unique label, so that the page's boxes can be matched to values: unlabelled ones get
    /// v0, v1, …, and a label seen before (two layers' N0.w0) gets its number after it.
    /// </summary>
    public static void LabelAll(Value root)
    {
        int k = 0;
        var seen = new HashSet<string>();
        foreach (Value v in All(root))
        {
            string label = v.Label ?? "v" + k.ToString(CultureInfo.InvariantCulture);
            v.Label = seen.Add(label) ? label : label + "~" + k.ToString(CultureInfo.InvariantCulture);
            seen.Add(v.Label);
            k++;
        }
    }

    /// <summary>A number as the page shows it: 4 decimals, with no minus sign on zero.</summary>
    public static string F4(double number)
    {
        string text = number.ToString("F4", CultureInfo.InvariantCulture);
        return text == "-0.0000" ? "0.0000" : text;
    }
}
