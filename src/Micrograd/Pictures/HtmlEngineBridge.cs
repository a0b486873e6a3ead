using System;
using System.Collections.Generic;
using System.Globalization;

namespace Micrograd.Pictures;

/// <summary>
/// Everything the HTML graph page needs to know about how the engine back-propagates, in one place: the order
/// in which <see cref="Value.Backward"/> visits the interior values, and each operation's local derivatives.
/// The rest of the page builder uses only the public API of <see cref="Value"/> and <see cref="GraphWalk"/>; when
/// the engine changes, this file alone is rewritten against it.
/// </summary>
internal static class HtmlEngineBridge
{
    /// <summary>
    /// The interior values (not leaves) of the graph, in the order
    /// <see cref="Value.Backward"/> passes their gradients on: the root first, and every value before all of
    /// the values it was computed from.
    /// </summary>
    /// <param name="walk">The graph, as walked from its root (topological order, root last).</param>
    /// <returns>The interior values in back-propagation order; empty when the root is a leaf.</returns>
    public static IReadOnlyList<Value> BackwardOrder(GraphWalk walk)
    {
        // Any reversed topological order gives the same gradients; the walk's is the one drawn.
        var order = new List<Value>();
        for (int i = walk.Values.Count - 1; i >= 0; i--)
        {
            if (!walk.Values[i].IsLeaf)
            {
                order.Add(walk.Values[i]);
            }
        }

        return order;
    }

    /// <summary>
    /// The local derivatives of an operation node: d(node)/d(input) for each entry of
    /// <see cref="Value.Inputs"/> (same positions; a value used twice appears twice), evaluated at the
    /// inputs' current <see cref="Value.Data"/>, and a short formula for a person, with the numbers plugged in
    /// where it stays short. Back-propagating is then <c>input.Grad += node.Grad * derivatives[i]</c> in
    /// <see cref="BackwardOrder"/>.
    /// </summary>
    /// <param name="node">An interior value.</param>
    /// <returns>The derivatives, one per input, and the formula text.</returns>
    public static (double[] Derivatives, string Formula) LocalDerivatives(Value node)
    {
        IReadOnlyList<Value> inputs = node.Inputs;
        double output = node.Data;
        string op = node.Operator;
        double a = inputs.Count > 0 ? inputs[0].Data : 0;
        double b = inputs.Count > 1 ? inputs[1].Data : 0;
        switch (op)
        {
            case "+":
                return (new[] { 1.0, 1.0 }, "out = a + b:  ∂out/∂a = 1,  ∂out/∂b = 1");
            case "-":
                return (new[] { 1.0, -1.0 }, "out = a − b:  ∂out/∂a = 1,  ∂out/∂b = −1");
            case "*":
                return (new[] { b, a }, "out = a · b:  ∂out/∂a = b = " + F(b) + ",  ∂out/∂b = a = " + F(a));
            case "/":
                return (new[] { 1 / b, -a / (b * b) },
                    "out = a / b:  ∂out/∂a = 1/b = " + F(1 / b) + ",  ∂out/∂b = −a/b² = " + F(-a / (b * b)));
            case "**":
                double da = b == 0 ? 0 : b * Math.Pow(a, b - 1);
                double db = a == 0 && b >= 0 ? 0 : output * Math.Log(a);
                return (new[] { da, db },
                    "out = a^b:  ∂out/∂a = b·a^(b−1) = " + F(da) + ",  ∂out/∂b = a^b·ln a = " + F(db));
            case "neg":
                return (new[] { -1.0 }, "out = −a:  ∂out/∂a = −1");
            case "exp":
                return (new[] { output }, "out = eᵃ:  ∂out/∂a = eᵃ = " + F(output));
            case "log":
                return (new[] { 1 / a }, "out = ln a:  ∂out/∂a = 1/a = 1/" + F(a) + " = " + F(1 / a));
            case "tanh":
                return (new[] { 1 - output * output },
                    "out = tanh a:  ∂out/∂a = 1 − out² = 1 − " + F(output) + "² = " + F(1 - output * output));
            case "ReLU":
                return (new[] { output > 0 ? 1.0 : 0.0 },
                    "out = max(0, a):  ∂out/∂a = " + (output > 0 ? "1 (a > 0)" : "0 (a ≤ 0)"));
            case "sigmoid":
                return (new[] { output * (1 - output) },
                    "out = σ(a):  ∂out/∂a = out·(1 − out) = " + F(output * (1 - output)));
            case "softplus":
                double sigmoid = 1 / (1 + Math.Exp(-a));
                return (new[] { sigmoid }, "out = ln(1 + eᵃ):  ∂out/∂a = σ(a) = " + F(sigmoid));
            case "sum":
                return (Filled(inputs.Count, 1.0), "out = Σ aᵢ:  ∂out/∂aᵢ = 1 for each of the " + inputs.Count + " inputs");
            case "dot":
                return (DotDerivatives(inputs, 0, inputs.Count / 2, 1.0), "out = Σ aᵢ·bᵢ:  ∂out/∂aᵢ = bᵢ,  ∂out/∂bᵢ = aᵢ");
            default:
                if (op.StartsWith("**", StringComparison.Ordinal))
                {
                    double c = double.Parse(op.Substring(2), NumberStyles.Float, CultureInfo.InvariantCulture);
                    double d = c == 0 ? 0 : c * Math.Pow(a, c - 1);
                    string exponent = op.Substring(2);
                    return (new[] { d }, "out = a^" + exponent + ":  ∂out/∂a = " + exponent + "·a^(" + exponent + "−1) = " + F(d));
                }

                if (op.IndexOf("w·x+b", StringComparison.Ordinal) >= 0)
                {
                    return NeuronDerivatives(inputs, output, op);
                }

                throw new InvalidOperationException("No local derivative is known for the operation '" + op + "'.");
        }
    }

    // A neuron's inputs are its n weights, its n inputs, then its bias; act' comes from its own output.
    private static (double[] Derivatives, string Formula) NeuronDerivatives(IReadOnlyList<Value> inputs, double output, string op)
    {
        int n = (inputs.Count - 1) / 2;
        (double slope, string name) = op switch
        {
            "tanh(w·x+b)" => (1 - output * output, "1 − out²"),
            "ReLU(w·x+b)" => (output > 0 ? 1.0 : 0.0, output > 0 ? "1 (active)" : "0 (inactive)"),
            "sigmoid(w·x+b)" => (output * (1 - output), "out·(1 − out)"),
            _ => (1.0, "1"),
        };
        double[] derivatives = DotDerivatives(inputs, 0, n, slope);
        derivatives[2 * n] = slope;
        return (derivatives, "out = " + op + ":  act′ = " + name + " = " + F(slope) +
            ";  ∂out/∂wᵢ = act′·xᵢ,  ∂out/∂xᵢ = act′·wᵢ,  ∂out/∂b = act′");
    }

    // For inputs laid out as a[0..n) then b[0..n): d/da_i = scale·b_i and d/db_i = scale·a_i.
    private static double[] DotDerivatives(IReadOnlyList<Value> inputs, int start, int n, double scale)
    {
        var derivatives = new double[inputs.Count];
        for (int i = 0; i < n; i++)
        {
            derivatives[start + i] = scale * inputs[start + n + i].Data;
            derivatives[start + n + i] = scale * inputs[start + i].Data;
        }

        return derivatives;
    }

    private static double[] Filled(int count, double value)
    {
        var array = new double[count];
        for (int i = 0; i < count; i++)
        {
            array[i] = value;
        }

        return array;
    }

    private static string F(double number) => number.ToString("F4", CultureInfo.InvariantCulture);
}
