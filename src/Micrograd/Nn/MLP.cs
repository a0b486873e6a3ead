using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Micrograd.Nn;

/// <summary>A multi-layer perceptron: layers of neurons, each feeding the next.</summary>
/// <remarks>
/// Hidden layers and the output layer each have their own <see cref="Nn.Activation"/>. The defaults follow the
/// lecture's network, tanh everywhere; micrograd's moons demo uses <see cref="Activation.Relu"/> for hidden
/// layers and <see cref="Activation.Linear"/> for the output.
/// </remarks>
/// <example>
/// <code>
/// var model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, new Random(1337));
/// var optimizer = new Sgd(model.Parameters(), learningRate: 0.05);
/// for (int step = 0; step &lt; 100; step++)
/// {
///     var scores = inputs.Select(x =&gt; model.Forward(x)[0]).ToList();
///     Value loss = Losses.Hinge(scores, labels) + Losses.L2(model.Parameters(), 1e-4);
///     optimizer.ZeroGrad();
///     loss.Backward();
///     optimizer.Step();
/// }
/// </code>
/// </example>
public sealed class MLP : Module<IReadOnlyList<Value>>
{
    private readonly Layer[] _layers;
    private readonly Value[] _parameters;

    /// <summary>Creates a network with the given layer sizes and tanh activations everywhere, as in the lecture.</summary>
    /// <param name="inputs">How many inputs the network takes; at least 1.</param>
    /// <param name="layerSizes">The number of neurons in each layer, the last being the number of outputs; each at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layerSizes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="layerSizes"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputs"/> or a layer size is less than 1.</exception>
    public MLP(int inputs, params int[] layerSizes)
        : this(inputs, (IReadOnlyList<int>)layerSizes)
    {
    }

    /// <summary>Creates a network with weights drawn uniformly from [-1, 1] and zero biases.</summary>
    /// <param name="inputs">How many inputs the network takes; at least 1.</param>
    /// <param name="layerSizes">The number of neurons in each layer, the last being the number of outputs; each at least 1.</param>
    /// <param name="hiddenActivation">The activation of every layer but the last.</param>
    /// <param name="outputActivation">The activation of the last layer.</param>
    /// <param name="random">The source of the initial weights, drawn layer by layer and neuron by neuron; pass a seeded one to reproduce a network exactly. <see langword="null"/> makes one new unseeded source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layerSizes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="layerSizes"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputs"/> or a layer size is less than 1, or an activation is undefined.</exception>
    public MLP(
        int inputs,
        IReadOnlyList<int> layerSizes,
        Activation hiddenActivation = Activation.Tanh,
        Activation outputActivation = Activation.Tanh,
        Random? random = null)
    {
        if (inputs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A network needs at least one input.");
        }

        if (layerSizes is null)
        {
            throw new ArgumentNullException(nameof(layerSizes));
        }

        if (layerSizes.Count == 0)
        {
            throw new ArgumentException("A network needs at least one layer.", nameof(layerSizes));
        }

        for (int i = 0; i < layerSizes.Count; i++)
        {
            if (layerSizes[i] < 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(layerSizes), layerSizes[i], "Layer " + i + " must have at least one neuron.");
            }
        }

        _ = hiddenActivation.ToOperation(nameof(hiddenActivation));
        _ = outputActivation.ToOperation(nameof(outputActivation));
        random ??= new Random();
        _layers = new Layer[layerSizes.Count];
        int previous = inputs;
        for (int i = 0; i < _layers.Length; i++)
        {
            Activation activation = i == _layers.Length - 1 ? outputActivation : hiddenActivation;
            _layers[i] = new Layer(previous, layerSizes[i], activation, random);
            previous = layerSizes[i];
        }

        _parameters = CollectParameters(_layers);
        NameParameters();
    }

    /// <summary>Creates a network from existing layers, as a loaded model file does.</summary>
    internal MLP(Layer[] layers)
    {
        _layers = layers;
        _parameters = CollectParameters(_layers);
        NameParameters();
    }

    // L1.N3.w2 is Layers[1].Neurons[3].Weights[2]; L1.N3.b its bias.
    private void NameParameters()
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i].NameParameters("L" + i.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    /// <inheritdoc />
    public override int InputCount => _layers[0].InputCount;

    /// <summary>How many outputs the network has.</summary>
    public int OutputCount => _layers[_layers.Length - 1].OutputCount;

    /// <summary>The layers, from input to output.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <inheritdoc />
    public override IReadOnlyList<Value> Parameters() => _parameters;

    // Each layer's output array is fresh and never changed, so the next layer's neurons can share it.
    /// <inheritdoc />
    private protected override IReadOnlyList<Value> ForwardShared(Value[] inputs)
    {
        Value[] activations = inputs;
        foreach (Layer layer in _layers)
        {
            activations = layer.ForwardArray(activations);
        }

        return activations;
    }

    /// <summary>Writes the architecture and every weight to a stream as readable JSON; see <see cref="Load(Stream)"/>.</summary>
    /// <param name="stream">A writable stream; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void Save(Stream stream) => ModelFile.Write(this, stream);

    /// <summary>
    /// Writes the architecture and every weight to a file as readable JSON. The file is written beside the
    /// target under a temporary name and then moved into place, so a failure never leaves a truncated file.
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// model.Save("moons.json");
    /// MLP again = MLP.Load("moons.json"); // the same weights, bit for bit
    /// </code>
    /// </example>
    public void Save(string path) => ModelFile.Write(this, path);

    /// <summary>Reads a network written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">A readable stream; it is left open.</param>
    /// <returns>A network with the saved architecture, activations and weights, bit for bit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The content is not a complete, consistent model file; the message says what is wrong.</exception>
    public static MLP Load(Stream stream) => ModelFile.Read(stream);

    /// <summary>Reads a network written by <see cref="Save(string)"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>A network with the saved architecture, activations and weights, bit for bit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a complete, consistent model file; the message says what is wrong.</exception>
    public static MLP Load(string path) => ModelFile.Read(path);

    /// <summary>Describes the network as micrograd does, for example <c>MLP of [Layer of [ReluNeuron(2), …], …]</c>.</summary>
    /// <returns>The layers' descriptions.</returns>
    public override string ToString() => "MLP of [" + string.Join(", ", (object[])_layers) + "]";
}
