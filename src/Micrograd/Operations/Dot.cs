using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

public partial class Value
{
    /// <summary>The dot product of two equally long lists of values, in one node, summed left to right. <see cref="Operator"/>: <c>"dot"</c>.</summary>
    /// <param name="left">The first vector, for example a neuron's weights.</param>
    /// <param name="right">The second vector, for example the neuron's inputs.</param>
    /// <returns>Σ left[i] * right[i]; a leaf equal to 0 when both are empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/>, <paramref name="right"/> or one of their elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    /// <example>
    /// <code>
    /// Value activation = (Value.Dot(weights, inputs) + bias).Tanh();
    /// </code>
    /// </example>
    public static Value Dot(IReadOnlyList<Value> left, IReadOnlyList<Value> right) =>
        DotOwned(CopyVector(left, nameof(left)), CopyVector(right, nameof(right)));

    /// <summary>A copy of a list of values that a node can own, refusing a null list or element.</summary>
    internal static Value[] CopyVector(IReadOnlyList<Value> vector, string parameterName) => ArgumentChecks.Copy(vector, parameterName);

    /// <summary>
    /// A dot product over arrays the caller hands over for good: they are kept, not copied, and must never
    /// change afterwards.
    /// </summary>
    internal static Value DotOwned(Value[] left, Value[] right)
    {
        if (right.Length != left.Length)
        {
            throw new ArgumentException(
                "Both vectors must have the same length: left has " + ArgumentChecks.Count(left.Length, "value") + " and right has "
                + ArgumentChecks.Count(right.Length, "value") + ".",
                nameof(right));
        }

        return left.Length == 0 ? new Value(0.0) : new WideNode<DotFunction>(new DotFunction(left, right));
    }
}

/// <summary>l0*r0 + l1*r1 + ... + ln-1*rn-1, left to right.</summary>
internal readonly struct DotFunction : IWideFunction
{
    private readonly Value[] _left;
    private readonly Value[] _right;
    private readonly bool _leftHasComputed;
    private readonly bool _rightHasComputed;

    public DotFunction(Value[] left, Value[] right)
    {
        _left = left;
        _right = right;
        _leftHasComputed = Value.HasComputedValue(left);
        _rightHasComputed = Value.HasComputedValue(right);
    }

    public string Name => "dot";

    public string DerivativeText => "out = Σ aᵢ·bᵢ:  ∂out/∂aᵢ = bᵢ,  ∂out/∂bᵢ = aᵢ";

    public IReadOnlyList<Value> Inputs
    {
        get
        {
            var all = new List<Value>(_left);
            all.AddRange(_right);
            return all.AsReadOnly();
        }
    }

    public Value.InputLists Lists => new(first: _leftHasComputed ? _left : null, second: _rightHasComputed ? _right : null);

    public double Forward()
    {
        double sum = 0;
        for (int i = 0; i < _left.Length; i++)
        {
            sum += _left[i].Data * _right[i].Data;
        }

        return sum;
    }

    // d(Σ aᵢbᵢ)/daᵢ = bᵢ, d(Σ aᵢbᵢ)/dbᵢ = aᵢ
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the node type's Backward, where a number stays a number
    public void Backward<TSink>(Scalar gradient, Scalar output, TSink sink)
        where TSink : struct, IGradientSink
    {
        Value[] left = _left, right = _right;
        for (int i = 0; i < left.Length; i++)
        {
            Value a = left[i], b = right[i];
            sink.Add(a, gradient * sink.Operand(b));
            sink.Add(b, gradient * sink.Operand(a));
        }
    }
}
