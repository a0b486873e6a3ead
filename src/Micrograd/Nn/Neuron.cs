using System;
using System.Collections.Generic;
using System.Globalization;

namespace Micrograd.Nn;

/// <summary>
/// One neuron: an activation applied to a weighted sum of its inputs plus a bias. Its output is a single node
/// whatever its size, with one local derivative per input (its <see cref="Value.Operator"/> reads, for
/// example, <c>"tanh(w·x+b)"</c>); the gradients are those of the lecture's neuron built from <c>*</c>, <c>+</c>
/// and <see cref="Value.Tanh"/>, which you can still build by hand to see every node.
/// </summary>
/// <example>
/// <code>
/// var neuron = new Neuron(2, Activation.Tanh, new Random(42));
/// Value output = neuron.Forward(2.0, 0.0);
/// output.Backward(); // every weight and the bias now have a gradient
/// </code>
/// </example>
public sealed class Neuron : Module<Value>
{
    private readonly Value[] _weights;
    private readonly Value[] _parameters;
    private readonly AffineMap _alone; // this neuron as a map of one row, for Forward

    /// <summary>
    /// Creates a neuron with weights drawn uniformly from [-1, 1] and a zero bias, as micrograd does.
    /// </summary>
    /// <param name="inputs">How many inputs the neuron takes; at least 1.</param>
    /// <param name="activation">The function applied to the weighted sum; the lecture's neurons use <see cref="Activation.Tanh"/>.</param>
    /// <param name="random">The source of the initial weights; pass a seeded one to reproduce a neuron exactly. <see langword="null"/> makes a new unseeded one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputs"/> is less than 1, or <paramref name="activation"/> is undefined.</exception>
    public Neuron(int inputs, Activation activation = Activation.Tanh, Random? random = null)
    {
        if (inputs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A neuron needs at least one input.");
        }

        UnaryOperation? operation = activation.ToOperation(nameof(activation));
        random ??= new Random();
        _weights = new Value[inputs];
        for (int i = 0; i < inputs; i++)
        {
            _weights[i] = new Value(random.NextDouble() * 2 - 1);
        }

        Bias = new Value(0.0);
        Activation = activation;
        _alone = new AffineMap([_weights], [Bias], operation);
        _parameters = Concatenate(_weights, Bias);
        NameParameters(string.Empty);
    }

    /// <summary>Creates a neuron with the given weights and bias, as a loaded model file does.</summary>
    internal Neuron(double[] weights, double bias, Activation activation)
    {
        _weights = Array.ConvertAll(weights, w => new Value(w));
        Bias = new Value(bias);
        Activation = activation;
        _alone = new AffineMap([_weights], [Bias], activation.ToOperation(nameof(activation)));
        _parameters = Concatenate(_weights, Bias);
        NameParameters(string.Empty);
    }

    /// <inheritdoc />
    public override int InputCount => _weights.Length;

    /// <summary>The function applied to the weighted sum.</summary>
    public Activation Activation { get; }

    /// <summary>The weights, one per input.</summary>
    public IReadOnlyList<Value> Weights => _weights;

    /// <summary>The bias added to the weighted sum.</summary>
    public Value Bias { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Value> Parameters() => _parameters;

    /// <inheritdoc />
    private protected override Value ForwardShared(Value[] inputs) => _alone.ApplyOwned(inputs)[0];

    /// <summary>
    /// Labels the weights <c>w0</c>, <c>w1</c>, … and the bias <c>b</c>, after <paramref name="prefix"/>, which
    /// names the neuron in its network: <c>L1.N3.w2</c> is <c>Layers[1].Neurons[3].Weights[2]</c>.
    /// </summary>
    internal void NameParameters(string prefix)
    {
        for (int i = 0; i < _weights.Length; i++)
        {
            _weights[i].Label = prefix + "w" + i.ToString(CultureInfo.InvariantCulture);
        }

        Bias.Label = prefix + "b";
    }

    /// <summary>The weight array itself, for a layer to share.</summary>
    internal Value[] WeightArray => _weights;

    /// <summary>Describes the neuron as micrograd does, for example <c>TanhNeuron(2)</c>.</summary>
    /// <returns>The activation's name, "Neuron", and the number of inputs.</returns>
    public override string ToString() => Activation + "Neuron(" + InputCount + ")";

    private static Value[] Concatenate(Value[] weights, Value bias)
    {
        var parameters = new Value[weights.Length + 1];
        weights.CopyTo(parameters, 0);
        parameters[weights.Length] = bias;
        return parameters;
    }
}
