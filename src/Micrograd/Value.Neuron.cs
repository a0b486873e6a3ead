using System;

namespace Micrograd;

// A whole neuron, activation(w·x + b), as one node: Micrograd.Nn builds its networks from these, so a neuron
// costs one node however many inputs it has. The same gradients flow as through the chain of Dot, + and the
// activation's own node that it replaces; the activation's derivative is the one written beside Tanh, Relu
// and Sigmoid.
public sealed partial class Value
{
    // ---- activation(w·x + b) ------------------------------------------------------------------------------

    /// <summary>
    /// One neuron over arrays the caller hands over for good (kept, not copied, never changed afterwards).
    /// </summary>
    /// <param name="weights">The neuron's weights, all leaves.</param>
    /// <param name="inputs">As many inputs as weights.</param>
    /// <param name="bias">The neuron's bias.</param>
    /// <param name="activation"><see cref="Operation.Tanh"/>, <see cref="Operation.Relu"/>, <see cref="Operation.Sigmoid"/>, or <see cref="Operation.Leaf"/> for none.</param>
    internal static Value Neuron(Value[] weights, Value[] inputs, Value bias, Operation activation)
    {
        double sum = bias._data;
        bool inputsHaveInterior = false;
        for (int i = 0; i < weights.Length; i++)
        {
            Value x = inputs[i];
            sum += weights[i]._data * x._data;
            inputsHaveInterior |= x._operation != Operation.Leaf;
        }

        double output = activation switch
        {
            Operation.Tanh => Math.Tanh(sum),
            Operation.Relu => ReluOf(sum),
            Operation.Sigmoid => SigmoidOf(sum),
            _ => sum,
        };

        // Weights are parameters, so leaves: the weight array is never scanned by back-propagation.
        var inputsRecord = new NaryInputs(weights, leftHasInterior: false, inputs, inputsHaveInterior, bias, activation);
        return new(output, Operation.Neuron, inputsRecord);
    }

    // d/db = act', d/dwᵢ = act' · xᵢ, d/dxᵢ = act' · wᵢ, where act' is the activation's derivative taken from
    // this node's own data: 1 (none), 1 − out² (tanh), out > 0 (relu), out(1 − out) (sigmoid).
    private void NeuronBackward()
    {
        var record = (NaryInputs)_extra!;
        double local = _grad * record.Activation switch
        {
            Operation.Tanh => 1 - _data * _data,
            Operation.Relu => _data > 0 ? 1.0 : 0.0,
            Operation.Sigmoid => _data * (1 - _data),
            _ => 1.0,
        };

        if (local == 0)
        {
            return; // a saturated or inactive neuron passes nothing on, as its separate activation node would not
        }

        record.Bias!._grad += local;
        Value[] weights = record.Left;
        Value[] inputs = record.Right!;
        for (int i = 0; i < weights.Length; i++)
        {
            Value w = weights[i];
            Value x = inputs[i];
            w._grad += local * x._data;
            x._grad += local * w._data;
        }
    }
}
