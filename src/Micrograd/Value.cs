using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Micrograd;

/// <summary>
/// A scalar that remembers how it was computed, so that <see cref="Backward"/> can find the
/// derivative of it with respect to every value it depends on.
/// </summary>
/// <remarks>
/// <para>
/// Arithmetic on values (<c>+ - * /</c>, unary <c>-</c>, <see cref="Pow(double)"/>, <see cref="Exp"/>,
/// <see cref="Tanh"/>, <see cref="Sum(Value[])"/>, <see cref="Dot"/> and the rest) creates new values that point
/// back at their inputs: together they form a directed acyclic graph. Each operation is defined once, in its own
/// file under <c>Operations/</c>, with its forward value and its local derivative side by side, as in Andrej
/// Karpathy's micrograd; <c>Function</c> adds operations of your own.
/// </para>
/// <para>
/// Gradients follow PyTorch: calling <see cref="Backward"/> again on the same graph adds to the gradients of
/// leaves (values made with the constructor), while the gradients of interior values are recomputed from
/// zero. Reset leaves with <c>Module.ZeroGrad()</c>, an optimizer's <c>ZeroGrad()</c>, or by setting
/// <see cref="Grad"/> to zero. Numeric domains follow IEEE 754 as PyTorch does: <c>Log(0)</c> is
/// negative infinity and <c>Log(-1)</c> is NaN; no operation throws for a numeric reason.
/// </para>
/// <para>
/// Independent graphs may be built and back-propagated on different threads at the same time. One graph
/// must not be changed or back-propagated from two threads at once. The class is not designed to be derived
/// from: a derived class behaves as a leaf.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var a = new Value(-4.0, "a");
/// var b = new Value(2.0, "b");
/// var c = a * b + b.Pow(3);
/// c.Backward();
/// Console.WriteLine(a.Grad); // 2  (dc/da = b)
/// Console.WriteLine(b.Grad); // 8  (dc/db = a + 3b²)
/// </code>
/// </example>
public partial class Value : IFormattable
{
    // A leaf is 40 bytes on 64-bit .NET: 16 of header and 24 of fields. An operation's node (Node.cs) adds its
    // inputs, so a unary or binary node is 48 or 56 bytes.
    private double _data;
    private double _grad;

    // The sort that last visited this value (Traversal.cs), and whether it is a leaf or what kind of node.
    private uint _visitMark;
    private readonly NodeShape _shape;

    // Labels are rare (they are for reading graphs), so they live beside the values rather than in every one.
    private static readonly ConditionalWeakTable<Value, string> s_labels = new();

    /// <summary>Creates a leaf value: one that no operation produced, such as an input or a parameter.</summary>
    /// <param name="data">The scalar this value holds.</param>
    /// <param name="label">An optional name, shown by <see cref="ToString()"/> and in graph pictures.</param>
    /// <example>
    /// <code>
    /// var weight = new Value(0.5, "w");
    /// </code>
    /// </example>
    public Value(double data, string? label = null)
    {
        _data = data;
        if (label is not null)
        {
            s_labels.Add(this, label);
        }
    }

    /// <summary>For the node types of operations (Node.cs): an interior value of the given shape.</summary>
    private Value(double data, NodeShape shape) => (_data, _shape) = (data, shape);

    /// <summary>The scalar this value holds. Optimizers change it in place on leaves.</summary>
    public double Data { get => _data; set => _data = value; }

    /// <summary>
    /// The derivative of the value <see cref="Backward"/> was last called on with respect to this one.
    /// Zero until then.
    /// </summary>
    public double Grad { get => _grad; set => _grad = value; }

    /// <summary>An optional name, shown by <see cref="ToString()"/> and in graph pictures.</summary>
    public string? Label
    {
        get => s_labels.TryGetValue(this, out string? label) ? label : null;
        set
        {
            s_labels.Remove(this);
            if (value is not null)
            {
                s_labels.Add(this, value);
            }
        }
    }

    /// <summary><see langword="true"/> when no operation produced this value (it was made with the constructor).</summary>
    public bool IsLeaf => _shape == NodeShape.Leaf;

    /// <summary>
    /// The name of the operation that produced this value; empty for a leaf. One rule names them all: micrograd's own
    /// name where micrograd has the operation (<c>"+"</c>, <c>"*"</c>, <c>"**2"</c> for a constant exponent,
    /// <c>"exp"</c>, <c>"tanh"</c>, <c>"ReLU"</c>), the C# operator for the other operators (<c>"-"</c>, <c>"/"</c>,
    /// <c>"**"</c>), and otherwise PyTorch's function name in lower case (<c>"neg"</c>, <c>"log"</c>,
    /// <c>"sigmoid"</c>, <c>"softplus"</c>, <c>"gelu"</c>, <c>"abs"</c>, <c>"max"</c>, <c>"sum"</c>, <c>"dot"</c>),
    /// with its parameter in parentheses (<c>"leaky_relu(0.01)"</c>). An affine node shows its formula, such as
    /// <c>"ReLU(w·x+b)"</c>; an operation of your own, the name given to <c>Function</c>.
    /// </summary>
    public string Operator => this is Node node ? node.Name : string.Empty;

    /// <summary>
    /// The values this one was computed from, in operand order; empty for a leaf. For <see cref="Dot"/> the
    /// left vector comes first, then the right one; for an <see cref="AffineMap"/> node, its weights, its
    /// inputs, then its bias. A constant exponent given to <see cref="Pow(double)"/> is not an input.
    /// </summary>
    public IReadOnlyList<Value> Inputs => this is Node node ? node.InputList : Array.Empty<Value>();

    /// <summary>
    /// Computes the derivative of this value with respect to every value it depends on, and adds it to their
    /// <see cref="Grad"/>.
    /// </summary>
    /// <remarks>
    /// This value's own gradient is set to 1. As in PyTorch, leaves (values made with the constructor)
    /// accumulate across calls, so a training loop zeroes them before each step; interior values are
    /// recomputed from zero on every call. A value used several times receives the sum of the gradients of
    /// all its uses. Runs in time and memory linear in the size of the graph, without recursion.
    /// </remarks>
    /// <example>
    /// <code>
    /// var x = new Value(2.0);
    /// var y = x * x + x; // x is used three times
    /// y.Backward();
    /// Console.WriteLine(x.Grad); // 5  (2x + 1)
    /// </code>
    /// </example>
    public void Backward()
    {
        if (IsLeaf)
        {
            _grad += 1; // nothing to pass on
            return;
        }

        // micrograd's build_topo: every interior value after the values it was computed from, this one last
        // (their gradients zeroed on the way). Then each node, from this one back, passes its gradient on to its
        // inputs by its own chain rule, into their Grad.
        using Traversal.Sorted order = Traversal.Sort(this, zeroGradients: true);
        CompiledGraph.CountBackwardPass(); // so that a compiled program knows its zeroed gradients may be written
        _grad = 1;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            order.Node(i).Backward(null);
        }
    }

    // ---- Text ---------------------------------------------------------------------------------------------

    /// <summary>Returns the value in the form <c>Value(data=4.625170344774747, grad=0)</c>, with the label if there is one.</summary>
    /// <returns>The value's data and gradient in their shortest round-trip form (invariant culture), and its label.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Returns the value with its data and gradient formatted by <paramref name="format"/>.</summary>
    /// <param name="format">A numeric format string for <see cref="double"/>, such as <c>"F4"</c>; <see langword="null"/> for the shortest round-trip form.</param>
    /// <param name="formatProvider">The culture to format numbers with; <see langword="null"/> for the current culture.</param>
    /// <returns>A string such as <c>Value(data=4.6252, grad=0, label=g)</c>.</returns>
    /// <example>
    /// <code>
    /// Console.WriteLine($"{g:F4}"); // Value(data=4.6252, grad=1.0000)
    /// </code>
    /// </example>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        string? label = Label;
        return "Value(data=" + _data.ToString(format, formatProvider) + ", grad=" + _grad.ToString(format, formatProvider)
            + (label is null ? ")" : ", label=" + label + ")");
    }

    /// <summary>Converts a constant into a leaf <see cref="Value"/>, so that <c>2.0 * x</c> and <c>x + 1</c> read naturally.</summary>
    /// <param name="data">The constant.</param>
    /// <remarks>There is deliberately no conversion back to <see cref="double"/>: read <see cref="Data"/> instead, so that a value never silently drops out of the graph.</remarks>
    public static implicit operator Value(double data) => new(data);

    /// <summary>Returns the value itself: unary plus creates no node.</summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static Value operator +(Value value) => value;

}
