using System.Collections.Generic;

namespace Micrograd;

public sealed partial class Value
{
    /// <summary>
    /// The inputs of an n-ary node, kept out of line so that ordinary nodes stay 64 bytes: the summands of a
    /// sum, the two vectors of a dot product, or a neuron's weights, inputs and bias. The arrays are never
    /// changed once a node holds them, so nodes may share them (a layer's neurons share one input array, and
    /// each neuron reuses its weight array). Whether an array holds any interior value is noted once, so that
    /// back-propagation need not scan arrays of leaves such as weights.
    /// </summary>
    private sealed class NaryInputs
    {
        public readonly Value[] Left;
        public readonly Value[]? Right;
        public readonly Value? Bias;
        public readonly bool LeftHasInterior;
        public readonly bool RightHasInterior;

        /// <summary>For a neuron: <see cref="Operation.Tanh"/>, <see cref="Operation.Relu"/>, <see cref="Operation.Sigmoid"/>, or <see cref="Operation.Leaf"/> for none.</summary>
        public readonly Operation Activation;

        public NaryInputs(Value[] left, bool leftHasInterior, Value[]? right = null, bool rightHasInterior = false, Value? bias = null, Operation activation = Operation.Leaf)
        {
            Left = left;
            LeftHasInterior = leftHasInterior;
            Right = right;
            RightHasInterior = rightHasInterior;
            Bias = bias;
            Activation = activation;
        }

        public string? Label { get; set; }

        /// <summary>Every input in operand order: left, right, then the bias.</summary>
        public IReadOnlyList<Value> All()
        {
            var all = new List<Value>(Left);
            if (Right is not null)
            {
                all.AddRange(Right);
            }

            if (Bias is not null)
            {
                all.Add(Bias);
            }

            return all.AsReadOnly();
        }
    }
}
