using System;
using System.Collections.Generic;

namespace Micrograd;

// N-ary operations: one node for a whole sum or dot product, with one local derivative per input. A neuron's
// weighted sum built this way is one node instead of 2n binary ones, which makes graphs much smaller; the
// gradients are the same as those of the chain of + and * nodes it replaces.
public sealed partial class Value
{
    // ---- a0 + a1 + ... + an-1 ------------------------------------------------------------------------------

    /// <summary>Adds any number of values in one node.</summary>
    /// <param name="values">The values to add. A value may appear more than once.</param>
    /// <returns>The sum; a leaf equal to 0 when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its elements is <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// var total = Value.Sum(a, b, c); // one node with three inputs
    /// </code>
    /// </example>
    public static Value Sum(params Value[] values)
    {
        if (values is null)
        {
            ThrowArgumentNull(nameof(values));
        }

        return SumOwned((Value[])values!.Clone(), nameof(values));
    }

    /// <summary>Adds any number of values in one node.</summary>
    /// <param name="values">The values to add. A value may appear more than once.</param>
    /// <returns>The sum; a leaf equal to 0 when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its elements is <see langword="null"/>.</exception>
    public static Value Sum(IEnumerable<Value> values)
    {
        if (values is null)
        {
            ThrowArgumentNull(nameof(values));
        }

        return SumOwned(new List<Value>(values!).ToArray(), nameof(values));
    }

    private static Value SumOwned(Value[] values, string parameterName)
    {
        if (values.Length == 0)
        {
            return new Value(0.0);
        }

        double sum = 0;
        bool hasInterior = false;
        foreach (Value value in values)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName, "The values to sum must not contain null.");
            }

            sum += value._data;
            hasInterior |= value._operation != Operation.Leaf;
        }

        return new(sum, Operation.Sum, new NaryInputs(values, hasInterior));
    }

    // d(Σ a_i)/da_i = 1
    private void SumBackward()
    {
        double grad = _grad;
        foreach (Value input in ((NaryInputs)_right!).Left)
        {
            input._grad += grad;
        }
    }

    // ---- a0*b0 + a1*b1 + ... + an-1*bn-1 -------------------------------------------------------------------

    /// <summary>The dot product of two equally long lists of values, in one node.</summary>
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
    public static Value Dot(IReadOnlyList<Value> left, IReadOnlyList<Value> right)
    {
        if (left is null)
        {
            ThrowArgumentNull(nameof(left));
        }

        if (right is null)
        {
            ThrowArgumentNull(nameof(right));
        }

        return DotOwned(CopyVector(left!, nameof(left)), CopyVector(right!, nameof(right)));
    }

    /// <summary>
    /// A dot product over arrays the caller hands over for good: they are kept, not copied, and must never
    /// change afterwards. This is how a neuron reuses its weight array and a layer shares its input array.
    /// </summary>
    internal static Value DotOwned(Value[] left, Value[] right)
    {
        if (right.Length != left.Length)
        {
            throw new ArgumentException(
                "Both vectors must have the same length: left has " + left.Length + " values and right has " + right.Length + ".",
                nameof(right));
        }

        if (left.Length == 0)
        {
            return new Value(0.0);
        }

        double sum = 0;
        bool leftHasInterior = false;
        bool rightHasInterior = false;
        for (int i = 0; i < left.Length; i++)
        {
            Value l = left[i];
            Value r = right[i];
            sum += l._data * r._data;
            leftHasInterior |= l._operation != Operation.Leaf;
            rightHasInterior |= r._operation != Operation.Leaf;
        }

        return new(sum, Operation.Dot, new NaryInputs(left, leftHasInterior, right, rightHasInterior));
    }

    /// <summary>Copies a vector into an array a node can own, refusing null elements.</summary>
    internal static Value[] CopyVector(IReadOnlyList<Value> vector, string parameterName)
    {
        var copy = new Value[vector.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = vector[i] ?? throw new ArgumentNullException(parameterName, "The vector must not contain null (index " + i + ").");
        }

        return copy;
    }

    // d(Σ l_i r_i)/dl_i = r_i, d(Σ l_i r_i)/dr_i = l_i
    private void DotBackward()
    {
        var inputs = (NaryInputs)_right!;
        Value[] left = inputs.Left;
        Value[] right = inputs.Right!;
        double grad = _grad;
        for (int i = 0; i < left.Length; i++)
        {
            Value l = left[i];
            Value r = right[i];
            l._grad += grad * r._data;
            r._grad += grad * l._data;
        }
    }
}
