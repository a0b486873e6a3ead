using System;
using System.Collections.Generic;

namespace Micrograd;

public partial class Value
{
    /// <summary>Adds any number of values in one node, left to right. <see cref="Operator"/>: <c>"sum"</c>.</summary>
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

    /// <summary>Adds any number of values in one node, left to right. <see cref="Operator"/>: <c>"sum"</c>.</summary>
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

    /// <summary>A sum over an array the caller hands over for good: kept, not copied, never changed afterwards.</summary>
    internal static Value SumOwned(Value[] values, string parameterName)
    {
        if (values.Length == 0)
        {
            return new Value(0.0);
        }

        foreach (Value value in values)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName, "The values to sum must not contain null.");
            }
        }

        return new SumNode(values);
    }

    /// <summary>a0 + a1 + ... + an-1.</summary>
    private sealed class SumNode : WideNode
    {
        private readonly Value[] _inputs;
        private readonly bool _hasInterior; // when false, the traversal need not scan the inputs

        public SumNode(Value[] inputs)
            : base(Forward(inputs))
        {
            _inputs = inputs;
            _hasInterior = Array.Exists(inputs, input => input._isInterior);
        }

        private static double Forward(Value[] inputs)
        {
            double sum = 0;
            foreach (Value input in inputs)
            {
                sum += input._data;
            }

            return sum;
        }

        private protected override void Recompute() => _data = Forward(_inputs);

        public override double[] LocalDerivatives(out string formula)
        {
            formula = "out = Σ aᵢ:  ∂out/∂aᵢ = 1 for each of the " + _inputs.Length + " inputs";
            double[] derivatives = new double[_inputs.Length];
            for (int i = 0; i < derivatives.Length; i++)
            {
                derivatives[i] = 1.0;
            }

            return derivatives;
        }

        // d(Σ a_i)/da_i = 1
        // d(Σ xᵢ)/dxᵢ = 1
        public override void PropagateToInputs(Scalar gradient, Adjoints adjoints)
        {
            foreach (Value input in _inputs)
            {
                adjoints.Add(input, gradient);
            }
        }

        private protected override void PropagateToInputs()
        {
            double gradient = _grad;
            foreach (Value input in _inputs)
            {
                input._grad += gradient;
            }
        }

        private protected override string OperatorName => "sum";

        private protected override IReadOnlyList<Value> InputList => Array.AsReadOnly(_inputs);

        public override int PushInputs(ref Slot[] stack, int top, uint expanded) =>
            _hasInterior ? PushUnvisited(_inputs, ref stack, top, expanded) : top;
    }
}
