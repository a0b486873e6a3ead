using System;
using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>A row of neurons that all see the same inputs.</summary>
/// <example>
/// <code>
/// var layer = new Layer(3, 4, Activation.Relu, new Random(1));
/// IReadOnlyList&lt;Value&gt; outputs = layer.Forward(1.0, -2.0, 0.5); // four values
/// </code>
/// </example>
public sealed class Layer : Module
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

        if (outputs < 1 || outputs > MaxNeurons)
        {
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A layer has from 1 to " + MaxNeurons + " neurons.");
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
    }

    /// <summary>Creates a layer from existing neurons, as a loaded model file does.</summary>
    internal Layer(Neuron[] neurons)
    {
        _neurons = neurons;
        _parameters = CollectParameters(_neurons);
        _map = Map(_neurons, neurons[0].Activation.ToOperation(nameof(neurons)));
    }

    /// <summary>The most neurons one layer may have (65,536).</summary>
    public static int MaxNeurons => 65_536;

    /// <summary>How many inputs the layer takes.</summary>
    public int InputCount => _neurons[0].InputCount;

    /// <summary>How many outputs (neurons) the layer has.</summary>
    public int OutputCount => _neurons.Length;

    /// <summary>The function every neuron applies.</summary>
    public Activation Activation => _neurons[0].Activation;

    /// <summary>The neurons, in output order.</summary>
    public IReadOnlyList<Neuron> Neurons => _neurons;

    /// <inheritdoc />
    public override IReadOnlyList<Value> Parameters() => _parameters;

    /// <summary>Computes every neuron's output for the same inputs.</summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> values.</param>
    /// <returns>One value per neuron.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not have <see cref="InputCount"/> elements.</exception>
    public IReadOnlyList<Value> Forward(IReadOnlyList<Value> inputs)
    {
        InputLength.Check(inputs, InputCount, nameof(inputs));
        return ForwardShared(Value.CopyVector(inputs, nameof(inputs)));
    }

    /// <summary>Computes every neuron's output for plain numbers, which become leaves of the graph.</summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> numbers.</param>
    /// <returns>One value per neuron.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not have <see cref="InputCount"/> elements.</exception>
    public IReadOnlyList<Value> Forward(params double[] inputs) => ForwardShared(InputLength.ToValues(inputs, InputCount, nameof(inputs)));

#if NET
    /// <summary>Computes every neuron's output for plain numbers, which become leaves of the graph.</summary>
    /// <param name="inputs">Exactly <see cref="InputCount"/> numbers.</param>
    /// <returns>One value per neuron.</returns>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not have <see cref="InputCount"/> elements.</exception>
    public IReadOnlyList<Value> Forward(ReadOnlySpan<double> inputs) => ForwardShared(InputLength.ToValues(inputs, InputCount, nameof(inputs)));
#endif

    /// <summary>The forward pass over an input array of the right length that no one will change; every neuron shares it.</summary>
    internal Value[] ForwardShared(Value[] inputs) => _map.ApplyOwned(inputs);

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
