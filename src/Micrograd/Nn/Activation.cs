namespace Micrograd.Nn;

/// <summary>The function a <see cref="Neuron"/> applies to its weighted sum.</summary>
public enum Activation
{
    /// <summary>No function: the neuron outputs its weighted sum. micrograd's demo uses it for the output layer.</summary>
    Linear,

    /// <summary>The hyperbolic tangent, as in the lecture's network.</summary>
    Tanh,

    /// <summary>The rectified linear unit, as in micrograd's demo for hidden layers.</summary>
    Relu,

    /// <summary>The logistic sigmoid.</summary>
    Sigmoid,

    /// <summary>The leaky rectified linear unit with PyTorch's default slope of 0.01 for negative sums.</summary>
    LeakyRelu,

    /// <summary>The Gaussian error linear unit in the tanh approximation GPT-2 uses (<see cref="Value.Gelu"/>).</summary>
    Gelu,
}
