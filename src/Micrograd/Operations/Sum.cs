using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

public partial class Value
{
    /// <summary>Adds any number of values in one node, left to right. <see cref="Operator"/>: <c>"sum"</c>.</summary>
    /// <param name="values">The values to add. A value may appear more than once.</param>
    /// <returns>The sum; a leaf equal to 0 when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its elements is <see langword="null"/>; the message names the element.</exception>
    /// <example>
    /// <code>
    /// var total = Value.Sum(a, b, c); // one node with three inputs
    /// </code>
    /// </example>
    public static Value Sum(params Value[] values) => SumOwned(CopyVector(values, nameof(values)));

    /// <summary>Adds any number of values in one node, left to right. <see cref="Operator"/>: <c>"sum"</c>.</summary>
    /// <param name="values">The values to add. A value may appear more than once.</param>
    /// <returns>The sum; a leaf equal to 0 when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of its elements is <see langword="null"/>; the message names the element.</exception>
    public static Value Sum(IEnumerable<Value> values)
    {
        ArgumentChecks.NotNull(values, nameof(values));
        return SumOwned(CopyVector(new List<Value>(values), nameof(values)));
    }

    /// <summary>A sum over an array the caller hands over for good: kept, not copied, never changed afterwards.</summary>
    internal static Value SumOwned(Value[] values) => values.Length == 0 ? new Value(0.0) : new WideNode<SumFunction>(new SumFunction(values));
}

/// <summary>a0 + a1 + ... + an-1, left to right.</summary>
internal readonly struct SumFunction : IWideFunction
{
    private readonly Value[] _inputs;
    private readonly bool _hasComputed;

    public SumFunction(Value[] inputs)
    {
        _inputs = inputs;
        _hasComputed = Value.HasComputedValue(inputs);
    }

    public string Name => "sum";

    public string DerivativeText => "out = Σ aᵢ:  ∂out/∂aᵢ = 1 for each of the " + _inputs.Length + " inputs";

    public IReadOnlyList<Value> Inputs => Array.AsReadOnly(_inputs);

    public Value.InputLists Lists => new(first: _hasComputed ? _inputs : null);

    public double Forward()
    {
        double sum = 0;
        foreach (Value input in _inputs)
        {
            sum += input.Data;
        }

        return sum;
    }

    // d(Σ aᵢ)/daᵢ = 1
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the node type's Backward, where a number stays a number
    public void Backward<TSink>(Scalar gradient, Scalar output, TSink sink)
        where TSink : struct, IGradientSink
    {
        foreach (Value input in _inputs)
        {
            sink.Add(input, gradient);
        }
    }
}
