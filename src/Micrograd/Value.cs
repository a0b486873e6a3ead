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
/// <see cref="Log"/>, <see cref="Tanh"/>, <see cref="Relu"/>, <see cref="Sigmoid"/>, <see cref="Sum(Value[])"/>,
/// <see cref="Dot"/>) creates new values that point back at their inputs: together they form a directed
/// acyclic graph. Each operation's forward value and its local derivative are defined side by side in the
/// source, as in Andrej Karpathy's micrograd.
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
/// must not be changed or back-propagated from two threads at once.
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
public sealed partial class Value : IFormattable
{
    // Layout matters: a node is 56 bytes on 64-bit .NET (16 of header, 39 of fields, 1 of padding).
    private double _data;
    private double _grad;
    private readonly Value? _left;

    // The second operand of a binary operation (a Value; for a constant exponent, a leaf that is not an input),
    // or for n-ary operations the record of their inputs (NaryInputs or NeuronLayerCall); null for unary ones.
    private readonly object? _right;

    // The traversal that last visited this node; see Traversal.
    private uint _visitMark;
    private readonly Operation _operation;

    // For a neuron, its index in its layer (NeuronLayerCall); fits in the padding that ends the object.
    private readonly ushort _index;

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

    private Value(double data, Operation operation, Value left, Value? right = null)
    {
        _data = data;
        _operation = operation;
        _left = left;
        _right = right;
    }

    private Value(double data, Operation operation, object inputs, ushort index = 0)
    {
        _data = data;
        _operation = operation;
        _right = inputs;
        _index = index;
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
    public bool IsLeaf => _operation == Operation.Leaf;

    /// <summary>
    /// The operation that produced this value, as micrograd names it: <c>"+"</c>, <c>"-"</c>, <c>"*"</c>,
    /// <c>"/"</c>, <c>"neg"</c>, <c>"**"</c>, <c>"**2"</c> (a constant exponent), <c>"exp"</c>, <c>"log"</c>,
    /// <c>"tanh"</c>, <c>"ReLU"</c>, <c>"sigmoid"</c>, <c>"softplus"</c>, <c>"sum"</c>, <c>"dot"</c>, and for a whole
    /// neuron of <c>Micrograd.Nn</c> its formula such as <c>"ReLU(w·x+b)"</c>; empty for a leaf.
    /// </summary>
    public string Operator => _operation switch
    {
        Operation.Leaf => string.Empty,
        Operation.Add => "+",
        Operation.Subtract => "-",
        Operation.Multiply => "*",
        Operation.Divide => "/",
        Operation.Power => "**",
        Operation.Negate => "neg",
        Operation.PowerConstant => "**" + Right._data.ToString(CultureInfo.InvariantCulture),
        Operation.Exp => "exp",
        Operation.Log => "log",
        Operation.Tanh => "tanh",
        Operation.Relu => "ReLU",
        Operation.Sigmoid => "sigmoid",
        Operation.Softplus => "softplus",
        Operation.Sum => "sum",
        Operation.Dot => "dot",
        Operation.Neuron => ((NeuronLayerCall)_right!).Layer.Activation switch
        {
            Operation.Tanh => "tanh(w·x+b)",
            Operation.Relu => "ReLU(w·x+b)",
            Operation.Sigmoid => "sigmoid(w·x+b)",
            _ => "w·x+b",
        },
        _ => throw new InvalidOperationException("Unknown operation " + _operation + "."),
    };

    /// <summary>
    /// The values this one was computed from, in operand order; empty for a leaf. For <see cref="Dot"/> the
    /// left vector comes first, then the right one; for a neuron of <c>Micrograd.Nn</c>, its weights, its
    /// inputs, then its bias. A constant exponent given to <see cref="Pow(double)"/> is not an input.
    /// </summary>
    public IReadOnlyList<Value> Inputs
    {
        get
        {
            if (_operation >= Operation.Sum)
            {
                return _operation == Operation.Neuron ? NeuronInputs() : ((NaryInputs)_right!).All();
            }

            if (_left is null)
            {
                return Array.Empty<Value>();
            }

            return _right is null || _operation == Operation.PowerConstant
                ? new[] { _left }
                : new[] { _left, Right };
        }
    }

    // The second operand of a binary operation. A cast to a sealed class is one type-handle comparison.
    private Value Right => (Value)_right!;

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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentNull(string parameterName) => throw new ArgumentNullException(parameterName);
}
