using System;
using System.Collections.Generic;

namespace Micrograd;

// Whole neurons, activation(w·x + b), each as one node: Micrograd.Nn builds its networks from these, so a
// neuron costs one node however many inputs it has. The same gradients flow as through the chain of Dot, +
// and the activation's own node that it replaces; the activation's derivative is the one written beside
// Tanh, Relu and Sigmoid.
public sealed partial class Value
{
    // ---- activation(w·x + b), for every neuron of a layer --------------------------------------------------

    /// <summary>Computes every neuron of a layer on one input array that the caller hands over for good (kept, not copied, never changed afterwards).</summary>
    /// <param name="layer">The layer's weights, biases and activation.</param>
    /// <param name="inputs">As many inputs as each neuron has weights.</param>
    /// <returns>One node per neuron.</returns>
    internal static Value[] Neurons(NeuronLayer layer, Value[] inputs)
    {
        bool inputsHaveInterior = false;
        foreach (Value x in inputs)
        {
            inputsHaveInterior |= x._operation != Operation.Leaf;
        }

        // One record for the whole call: the neurons' nodes share it and tell themselves apart by _index.
        var call = new NeuronLayerCall(layer, inputs, inputsHaveInterior);
        var outputs = new Value[layer.Biases.Length];
        for (int j = 0; j < outputs.Length; j++)
        {
            Value[] weights = layer.Weights[j];

            // Four running sums, so that each addition need not wait for the one before it.
            double sum0 = layer.Biases[j]._data, sum1 = 0, sum2 = 0, sum3 = 0;
            int i = 0;
            for (; i + 3 < weights.Length; i += 4)
            {
                sum0 += weights[i]._data * inputs[i]._data;
                sum1 += weights[i + 1]._data * inputs[i + 1]._data;
                sum2 += weights[i + 2]._data * inputs[i + 2]._data;
                sum3 += weights[i + 3]._data * inputs[i + 3]._data;
            }

            for (; i < weights.Length; i++)
            {
                sum0 += weights[i]._data * inputs[i]._data;
            }

            double sum = (sum0 + sum1) + (sum2 + sum3);

            double output = layer.Activation switch
            {
                Operation.Tanh => Math.Tanh(sum),
                Operation.Relu => ReluOf(sum),
                Operation.Sigmoid => SigmoidOf(sum),
                _ => sum,
            };
            outputs[j] = new Value(output, Operation.Neuron, call, (ushort)j);
        }

        return outputs;
    }

    // d/db = act', d/dwᵢ = act' · xᵢ, d/dxᵢ = act' · wᵢ, where act' is the activation's derivative taken from
    // this node's own data: 1 (none), 1 − out² (tanh), out > 0 (relu), out(1 − out) (sigmoid).
    private void NeuronBackward()
    {
        var call = (NeuronLayerCall)_right!;
        NeuronLayer layer = call.Layer;
        double local = _grad * layer.Activation switch
        {
            Operation.Tanh => 1 - _data * _data,
            Operation.Relu => _data > 0 ? 1.0 : 0.0,
            Operation.Sigmoid => _data * (1 - _data),
            _ => 1.0,
        };

        if (local == 0)
        {
            return; // an inactive or saturated neuron passes nothing on, as its separate activation node would not
        }

        layer.Biases[_index]._grad += local;
        Value[] weights = layer.Weights[_index];
        Value[] inputs = call.Inputs;
        for (int i = 0; i < weights.Length; i++)
        {
            Value w = weights[i];
            Value x = inputs[i];
            w._grad += local * x._data;
            x._grad += local * w._data;
        }
    }

    private IReadOnlyList<Value> NeuronInputs()
    {
        var call = (NeuronLayerCall)_right!;
        var all = new List<Value>(call.Layer.Weights[_index]);
        all.AddRange(call.Inputs);
        all.Add(call.Layer.Biases[_index]);
        return all.AsReadOnly();
    }

    /// <summary>One forward call of a layer: the inputs all its neurons' nodes share.</summary>
    private sealed class NeuronLayerCall
    {
        public readonly NeuronLayer Layer;
        public readonly Value[] Inputs;
        public readonly bool InputsHaveInterior;

        /// <summary>The traversal that last pushed <see cref="Inputs"/>; see Traversal.Sort.</summary>
        public uint ScannedMark;

        public NeuronLayerCall(NeuronLayer layer, Value[] inputs, bool inputsHaveInterior)
        {
            Layer = layer;
            Inputs = inputs;
            InputsHaveInterior = inputsHaveInterior;
        }
    }
}

/// <summary>
/// A layer's parameters as the engine sees them: one weight array (all leaves) and one bias per neuron, and
/// the activation every neuron applies (<see cref="Operation.Tanh"/>, <see cref="Operation.Relu"/>,
/// <see cref="Operation.Sigmoid"/>, or <see cref="Operation.Leaf"/> for none). The arrays are never changed.
/// </summary>
internal sealed class NeuronLayer
{
    /// <summary>The most neurons one layer may have: a neuron's index is kept in 16 bits.</summary>
    public const int MaxNeurons = ushort.MaxValue + 1;

    public readonly Value[][] Weights;
    public readonly Value[] Biases;
    public readonly Operation Activation;

    public NeuronLayer(Value[][] weights, Value[] biases, Operation activation)
    {
        Weights = weights;
        Biases = biases;
        Activation = activation;
    }
}
