namespace Micrograd;

/// <summary>The operation that produced a <see cref="Value"/>; kept as a byte so a node stays small.</summary>
internal enum Operation : byte
{
    Leaf,

    // Binary: inputs are _left and _right.
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,

    // Unary: the input is _left. PowerConstant keeps its exponent in _right, which is not an input.
    Negate,
    PowerConstant,
    Exp,
    Log,
    Tanh,
    Relu,
    Sigmoid,
    Softplus,

    // N-ary: inputs live in a NaryInputs or NeuronLayerCall record in _right.
    Sum,
    Dot,
    Neuron,
}
