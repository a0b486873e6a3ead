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
    // A leaf is 40 bytes on 64-bit .NET (16 of header, 21 of fields); the node types that operations create
    // (nested classes below) add their inputs, so a unary or binary node is 56 bytes.
    private double _data;
    private double _grad;

    // The traversal that last visited this value; see Traversal.
    private uint _visitMark;

    // False for leaves: values made with the public constructor, which pass no gradient on.
    private readonly bool _isInterior;

    // How the traversal finds this value's inputs without a virtual call for the common shapes; see Traversal.
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

    /// <summary>For the node types of operations: an interior value of the given shape.</summary>
    private Value(double data, NodeShape shape)
    {
        _data = data;
        _isInterior = true;
        _shape = shape;
    }

    /// <summary>The scalar this value holds. Optimizers change it in place on leaves.</summary>
    public double Data
    {
        get => _data;
        set => _data = value;
    }

    /// <summary>
    /// The derivative of the value <see cref="Backward"/> was last called on with respect to this one.
    /// Zero until then.
    /// </summary>
    public double Grad
    {
        get => _grad;
        set => _grad = value;
    }

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
    public bool IsLeaf => !_isInterior;

    /// <summary>
    /// The name of the operation that produced this value, as micrograd names it: <c>"+"</c>, <c>"-"</c>,
    /// <c>"*"</c>, <c>"/"</c>, <c>"neg"</c>, <c>"**"</c>, <c>"**2"</c> (a constant exponent), <c>"exp"</c>,
    /// <c>"tanh"</c>, <c>"ReLU"</c>, <c>"sum"</c>, <c>"dot"</c>, an affine node's formula such as
    /// <c>"ReLU(w·x+b)"</c>, the name given to <c>Function</c>, and so on; each operation's own
    /// documentation gives its name. Empty for a leaf.
    /// </summary>
    public string Operator => OperatorName;

    /// <summary>
    /// The values this one was computed from, in operand order; empty for a leaf. For <see cref="Dot"/> the
    /// left vector comes first, then the right one; for an <see cref="AffineMap"/> node, its weights, its
    /// inputs, then its bias. A constant exponent given to <see cref="Pow(double)"/> is not an input.
    /// </summary>
    public IReadOnlyList<Value> Inputs => InputList;

    // ---- What each operation's node type provides (a leaf has no operation). ------------------------------

    /// <summary>The operation's name; see <see cref="Operator"/>.</summary>
    private protected virtual string OperatorName => string.Empty;

    /// <summary>The inputs in operand order; see <see cref="Inputs"/>.</summary>
    private protected virtual IReadOnlyList<Value> InputList => Array.Empty<Value>();

    /// <summary>
    /// Passes this value's gradient on to its inputs: each input's gradient grows by this gradient times the
    /// local derivative of this value with respect to it. <see cref="Backward"/> calls it once per value,
    /// after every value that uses this one has done the same.
    /// </summary>
    private protected virtual void PropagateToInputs()
    {
    }

    /// <summary>
    /// Computes <see cref="Data"/> again from the inputs' current data, with the same code that computed it when
    /// the value was made; for <see cref="CompiledGraph.Forward"/>.
    /// </summary>
    private protected virtual void Recompute()
    {
    }

    /// <summary>
    /// Values with the same non-null key may be recomputed together, at the place of the first of them in a
    /// compiled program, by <see cref="RecomputeGroup"/>: their inputs must all be ready there.
    /// </summary>
    private protected virtual object? RecomputeGroupKey => null;

    /// <summary>
    /// Recomputes <paramref name="members"/>, this value's group in program order (this value first). Only values
    /// with a <see cref="RecomputeGroupKey"/> are grouped, and their node types override this.
    /// </summary>
    private protected virtual void RecomputeGroup(Value[] members)
    {
    }

    /// <summary>Why <c>Recompute</c> cannot work for this value, or <see langword="null"/> when it can.</summary>
    private protected virtual string? NotReplayableBecause => null;

    // ---- Text ---------------------------------------------------------------------------------------------

    /// <summary>Returns the value in the form <c>Value(data=4.6252, grad=0)</c>, with the label if there is one.</summary>
    /// <returns>The value's data, gradient and label, in the invariant culture.</returns>
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
        string data = _data.ToString(format, formatProvider);
        string grad = _grad.ToString(format, formatProvider);
        string? label = Label;
        return label is null
            ? "Value(data=" + data + ", grad=" + grad + ")"
            : "Value(data=" + data + ", grad=" + grad + ", label=" + label + ")";
    }

    /// <summary>Converts a constant into a leaf <see cref="Value"/>, so that <c>2.0 * x</c> and <c>x + 1</c> read naturally.</summary>
    /// <param name="data">The constant.</param>
    /// <remarks>There is deliberately no conversion back to <see cref="double"/>: read <see cref="Data"/> instead, so that a value never silently drops out of the graph.</remarks>
    public static implicit operator Value(double data) => new(data);

    /// <summary>Returns the value itself: unary plus creates no node.</summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static Value operator +(Value value) => value;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentNull(string parameterName) => throw new ArgumentNullException(parameterName);

    private static void CheckNotNull(Value value, string parameterName)
    {
        if (value is null)
        {
            ThrowArgumentNull(parameterName);
        }
    }
}
