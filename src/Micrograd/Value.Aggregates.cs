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
        foreach (Value value in values)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName, "The values to sum must not contain null.");
            }

            sum += value._data;
        }

        return new(sum, Operation.Sum, new NaryInputs(values));
    }

    // d(Σ a_i)/da_i = 1
    private void SumBackward()
    {
        double grad = _grad;
        foreach (Value input in ((NaryInputs)_extra!).Values)
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

        int count = left!.Count;
        if (right!.Count != count)
        {
            throw new ArgumentException(
                "Both vectors must have the same length: left has " + count + " values and right has " + right.Count + ".",
                nameof(right));
        }

        if (count == 0)
        {
            return new Value(0.0);
        }

        // Inputs are stored left vector first, then right vector: [l0 .. ln-1, r0 .. rn-1].
        var inputs = new Value[2 * count];
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            Value l = left[i] ?? throw new ArgumentNullException(nameof(left), "The vector must not contain null (index " + i + ").");
            Value r = right[i] ?? throw new ArgumentNullException(nameof(right), "The vector must not contain null (index " + i + ").");
            inputs[i] = l;
            inputs[count + i] = r;
            sum += l._data * r._data;
        }

        return new(sum, Operation.Dot, new NaryInputs(inputs));
    }

    // d(Σ l_i r_i)/dl_i = r_i, d(Σ l_i r_i)/dr_i = l_i
    private void DotBackward()
    {
        Value[] inputs = ((NaryInputs)_extra!).Values;
        int count = inputs.Length / 2;
        double grad = _grad;
        for (int i = 0; i < count; i++)
        {
            Value l = inputs[i];
            Value r = inputs[count + i];
            l._grad += grad * r._data;
            r._grad += grad * l._data;
        }
    }
}
