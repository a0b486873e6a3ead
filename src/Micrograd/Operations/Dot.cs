using System;
using System.Collections.Generic;

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
    /// change afterwards.
    /// </summary>
    internal static Value DotOwned(Value[] left, Value[] right)
    {
        if (right.Length != left.Length)
        {
            throw new ArgumentException(
                "Both vectors must have the same length: left has " + left.Length + " values and right has " + right.Length + ".",
                nameof(right));
        }

        return left.Length == 0 ? new Value(0.0) : new DotNode(left, right);
    }

    /// <summary>Copies a vector into an array a node can own, refusing null elements.</summary>
    internal static Value[] CopyVector(IReadOnlyList<Value> vector, string parameterName)
    {
        Value[] copy = Copy(vector);
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentNullException(parameterName, "The vector must not contain null (index " + i + ").");
            }
        }

        return copy;
    }

    /// <summary>
    /// A copy of a list of values. Arrays and lists are copied in bulk: storing values one at a time into a
    /// Value[] costs a covariant type check each, since Value is not sealed.
    /// </summary>
    internal static Value[] Copy(IReadOnlyList<Value> values)
    {
        switch (values)
        {
            case Value[] array when array.GetType() == typeof(Value[]):
                return (Value[])array.Clone();
            case List<Value> list:
                return list.ToArray();
            case ArraySegment<Value> segment:
                var part = new Value[segment.Count];
                Array.Copy(segment.Array!, segment.Offset, part, 0, segment.Count);
                return part;
            default:
                var copy = new Value[values.Count];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = values[i];
                }

                return copy;
        }
    }

    /// <summary>l0*r0 + l1*r1 + ... + ln-1*rn-1.</summary>
    private sealed class DotNode : WideNode
    {
        private readonly Value[] _left;
        private readonly Value[] _right;
        private readonly bool _leftHasInterior;
        private readonly bool _rightHasInterior;

        public DotNode(Value[] left, Value[] right)
            : base(Forward(left, right))
        {
            _left = left;
            _right = right;
            _leftHasInterior = Array.Exists(left, value => value._isInterior);
            _rightHasInterior = Array.Exists(right, value => value._isInterior);
        }

        private static double Forward(Value[] left, Value[] right)
        {
            double sum = 0;
            for (int i = 0; i < left.Length; i++)
            {
                sum += left[i]._data * right[i]._data;
            }

            return sum;
        }

        private protected override void Recompute() => _data = Forward(_left, _right);

        public override double[] LocalDerivatives(out string formula)
        {
            formula = "out = Σ aᵢ·bᵢ:  ∂out/∂aᵢ = bᵢ,  ∂out/∂bᵢ = aᵢ";
            var derivatives = new double[2 * _left.Length];
            for (int i = 0; i < _left.Length; i++)
            {
                derivatives[i] = _right[i]._data;
                derivatives[_left.Length + i] = _left[i]._data;
            }

            return derivatives;
        }

        // d(Σ l_i r_i)/dl_i = r_i, d(Σ l_i r_i)/dr_i = l_i
        // d(Σ aᵢbᵢ)/daᵢ = bᵢ, d(Σ aᵢbᵢ)/dbᵢ = aᵢ
        public override void PropagateToInputs(Scalar gradient, Adjoints adjoints)
        {
            for (int i = 0; i < _left.Length; i++)
            {
                adjoints.Add(_left[i], gradient * adjoints.Operand(_right[i]));
                adjoints.Add(_right[i], gradient * adjoints.Operand(_left[i]));
            }
        }

        private protected override void PropagateToInputs()
        {
            double gradient = _grad;
            for (int i = 0; i < _left.Length; i++)
            {
                Value l = _left[i];
                Value r = _right[i];
                l._grad += gradient * r._data;
                r._grad += gradient * l._data;
            }
        }

        private protected override string OperatorName => "dot";

        private protected override IReadOnlyList<Value> InputList
        {
            get
            {
                var all = new List<Value>(_left);
                all.AddRange(_right);
                return all.AsReadOnly();
            }
        }

        public override int PushInputs(ref Slot[] stack, int top, uint expanded)
        {
            if (_leftHasInterior)
            {
                top = PushUnvisited(_left, ref stack, top, expanded);
            }

            return _rightHasInterior ? PushUnvisited(_right, ref stack, top, expanded) : top;
        }
    }
}
