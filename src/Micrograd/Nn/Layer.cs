using System;
using System.Collections.Generic;
using System.Globalization;

namespace Micrograd.Nn;

/// <summary>A row of neurons that all see the same inputs.</summary>
/// <example>
/// <code>
/// var layer = new Layer(3, 4, Activation.Relu, new Random(1));
/// IReadOnlyList&lt;Value&gt; outputs = layer.Forward(1.0, -2.0, 0.5); // four values
/// </code>
/// </example>
public sealed class Layer : Module<IReadOnlyList<Value>>
{
    private readonly Neuron[] _neurons;
    private readonly Value[] _parameters;
    private readonly AffineMap _map; // every neuron as one row, sharing the neurons' own weights and biases

    /// <summary>Creates a layer of <paramref name="outputs"/> neurons with <paramref name="inputs"/> inputs each.</summary>
    /// <param name="inputs">How many inputs each neuron takes; at least 1.</param>
    /// <param name="outputs">How many neurons, and so outputs; at least 1.</param>
    /// <param name="activation">The function every neuron applies to its weighted sum.</param>
    /// <param name="random">The source of the initial weights, drawn neuron by neuron; <see langword="null"/> makes one new unseeded source for the whole layer.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputs"/> or <paramref name="outputs"/> is less than 1, or <paramref name="activation"/> is undefined.</exception>
    public Layer(int inputs, int outputs, Activation activation = Activation.Tanh, Random? random = null)
    {
        if (inputs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A layer needs at least one input.");
        }

        if (outputs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A layer needs at least one neuron.");
        }

        UnaryOperation? operation = activation.ToOperation(nameof(activation));
        random ??= new Random();
        _neurons = new Neuron[outputs];
        for (int i = 0; i < outputs; i++)
        {
            _neurons[i] = new Neuron(inputs, activation, random);
        }

        _parameters = CollectParameters(_neurons);
        _map = Map(_neurons, operation);
        NameParameters(string.Empty);
    }

    /// <summary>Creates a layer from existing neurons, as a loaded model file does.</summary>
    internal Layer(Neuron[] neurons)
    {
        _neurons = neurons;
        _parameters = CollectParameters(_neurons);
        _map = Map(_neurons, neurons[0].Activation.ToOperation(nameof(neurons)));
        NameParameters(string.Empty);
    }

    /// <inheritdoc />
    public override int InputCount => _neurons[0].InputCount;

    /// <summary>How many outputs (neurons) the layer has.</summary>
    public int OutputCount => _neurons.Length;

    /// <summary>The function every neuron applies.</summary>
    public Activation Activation => _neurons[0].Activation;

    /// <summary>The neurons, in output order.</summary>
    public IReadOnlyList<Neuron> Neurons => _neurons;

    /// <inheritdoc />
    public override IReadOnlyList<Value> Parameters() => _parameters;

    /// <inheritdoc />
    private protected override IReadOnlyList<Value> ForwardShared(Value[] inputs) => ForwardArray(inputs);

    /// <summary>The forward pass over an input array that no one will change: every neuron shares it, and so may the next layer the output.</summary>
    internal Value[] ForwardArray(Value[] inputs) => _map.ApplyOwned(inputs);

    /// <summary>Labels every neuron's parameters after <paramref name="prefix"/> and the neuron's index: <c>N3.w2</c>, <c>N3.b</c>.</summary>
    internal void NameParameters(string prefix)
    {
        for (int i = 0; i < _neurons.Length; i++)
        {
            _neurons[i].NameParameters(prefix + "N" + i.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    /// <summary>Describes the layer as micrograd does, for example <c>Layer of [TanhNeuron(2), TanhNeuron(2)]</c>.</summary>
    /// <returns>The neurons' descriptions.</returns>
    public override string ToString() => "Layer of [" + string.Join(", ", (object[])_neurons) + "]";

    // The same weight arrays and bias values as the neurons: one set of parameters, seen two ways.
    private static AffineMap Map(Neuron[] neurons, UnaryOperation? activation) =>
        new(
            Array.ConvertAll(neurons, n => n.WeightArray),
            Array.ConvertAll(neurons, n => n.Bias),
            activation);
}
