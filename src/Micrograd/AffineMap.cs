using System;
using System.Collections.Generic;

namespace Micrograd;

/// <summary>
/// A fixed set of weight rows, optional biases and an optional activation: applied to an input vector it gives
/// one value per row, <c>activation(w·x + b)</c>, each a single node of the graph however long the row is. It is
/// a layer of neurons, a matrix-vector product (no bias, no activation), or attention's projections; the
/// gradients are exactly those of the same computation built from <c>*</c>, <c>+</c> and the activation's own
/// operation, summed left to right from the bias as micrograd's neuron does (from 0 when there is no bias, as
/// Python's <c>sum()</c> does).
/// </summary>
/// <remarks>
/// The rows are copied once, when the map is made, and the inputs once per <see cref="Apply"/>, where all rows
/// share them; the weights are read at each <see cref="Apply"/>, so an optimizer may change their
/// <see cref="Value.Data"/> between calls. Weights and biases may be any values, leaves or not.
/// </remarks>
/// <example>
/// <code>
/// var random = new Random(1);
/// Value[][] weights = Enumerable.Range(0, 4)
///     .Select(_ => Enumerable.Range(0, 3).Select(_ => new Value(random.NextDouble() * 2 - 1)).ToArray())
///     .ToArray();
/// Value[] biases = Enumerable.Range(0, 4).Select(_ => new Value(0.0)).ToArray();
/// var layer = new AffineMap(weights, biases, UnaryOperation.Tanh);
/// Value[] outputs = layer.Apply([1.0, -2.0, 0.5]); // four nodes, each tanh(w·x + b)
/// </code>
/// </example>
public sealed class AffineMap
{
    private readonly UnaryOperation _activation;

    /// <summary>Creates a map from weight rows, and optionally one bias per row and an activation.</summary>
    /// <param name="weights">One row of weights per output; every row as long as the input vector.</param>
    /// <param name="biases">One bias per row, or <see langword="null"/> for none.</param>
    /// <param name="activation">The operation applied to each row's sum, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/>, one of its rows, a weight or a bias is <see langword="null"/>; the message names it, such as <c>weights[0][1]</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty or has rows of different lengths, or <paramref name="biases"/> has a different count.</exception>
    public AffineMap(IReadOnlyList<IReadOnlyList<Value>> weights, IReadOnlyList<Value>? biases = null, UnaryOperation? activation = null)
        : this(CopyRows(weights), biases is null ? null : CopyBiases(biases, weights!.Count), activation)
    {
    }

    /// <summary>A map over arrays the caller hands over for good: kept, not copied, never changed afterwards.</summary>
    internal AffineMap(Value[][] weights, Value[]? biases, UnaryOperation? activation)
    {
        Weights = weights;
        Biases = biases;
        Activation = activation;
        _activation = activation ?? UnaryOperation.Identity;
        WeightsHaveInterior = Array.Exists(weights, row => Array.Exists(row, w => !w.IsLeaf));
        ParametersAreLeaves = !WeightsHaveInterior && (biases is null || Array.TrueForAll(biases, b => b.IsLeaf));
        Formula = (activation is null ? string.Empty : activation.Name + "(")
            + (biases is null ? "w·x" : "w·x+b")
            + (activation is null ? string.Empty : ")");
    }

    /// <summary>How many inputs each row takes.</summary>
    public int InputCount => Weights[0].Length;

    /// <summary>How many outputs (rows) the map gives.</summary>
    public int OutputCount => Weights.Length;

    /// <summary>The activation applied to each row's sum; <see langword="null"/> for none.</summary>
    public UnaryOperation? Activation { get; }

    /// <summary>What each output node's <see cref="Value.Operator"/> reads, such as <c>"tanh(w·x+b)"</c> or <c>"w·x"</c>.</summary>
    public string Formula { get; }

    internal Value[][] Weights { get; }

    internal Value[]? Biases { get; }

    internal bool WeightsHaveInterior { get; }

    /// <summary>No weight or bias is computed by an operation: every row then depends only on the inputs.</summary>
    internal bool ParametersAreLeaves { get; }

    /// <summary>Computes every row on the same inputs.</summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> values.</param>
    /// <returns>One new value per row, in row order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or one of its elements is <see langword="null"/>; the message names the element.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not have <see cref="InputCount"/> elements.</exception>
    public Value[] Apply(IReadOnlyList<Value> inputs)
    {
        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        if (inputs.Count != InputCount)
        {
            throw new ArgumentException(
                "The map takes " + InputCount + " inputs, but inputs has " + inputs.Count + ".", nameof(inputs));
        }

        return ApplyOwned(Value.CopyVector(inputs, nameof(inputs)));
    }

    /// <summary>Computes every row on an input array of the right length that no one will change; the nodes keep it.</summary>
    internal Value[] ApplyOwned(Value[] inputs) => _activation.ApplyAffine(this, inputs);

    /// <summary>Returns <see cref="Formula"/> with the map's size, such as <c>tanh(w·x+b), 3 → 4</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => Formula + ", " + InputCount + " → " + OutputCount;

    private static Value[][] CopyRows(IReadOnlyList<IReadOnlyList<Value>> weights)
    {
        ArgumentChecks.Elements(weights, nameof(weights));
        if (weights.Count == 0)
        {
            throw new ArgumentException("A map needs at least one row of weights.", nameof(weights));
        }

        var rows = new Value[weights.Count][];
        for (int j = 0; j < rows.Length; j++)
        {
            IReadOnlyList<Value> row = weights[j];
            if (row.Count != weights[0].Count)
            {
                throw new ArgumentException(
                    "Every row must be as long as the first: row 0 has " + weights[0].Count + " weights and row " + j + " has " + row.Count + ".",
                    nameof(weights));
            }

            rows[j] = ArgumentChecks.Copy(row, nameof(weights), "weights[" + j + "]");
        }

        return rows;
    }

    private static Value[] CopyBiases(IReadOnlyList<Value> biases, int rows)
    {
        if (biases.Count != rows)
        {
            throw new ArgumentException(
                "There must be one bias per row: weights has " + rows + " rows and biases has " + biases.Count + ".", nameof(biases));
        }

        return Value.CopyVector(biases, nameof(biases));
    }
}
