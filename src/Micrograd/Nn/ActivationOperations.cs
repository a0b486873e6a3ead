using System;

namespace Micrograd.Nn;

/// <summary>
/// The engine's operation for each <see cref="Activation"/>: the one place an activation is mapped. To apply an
/// activation to a value yourself, call the value's own method (<see cref="Value.Tanh"/>, <see cref="Value.Relu"/>,
/// …) or <see cref="UnaryOperation.Apply"/>.
/// </summary>
internal static class ActivationOperations
{
    private static readonly UnaryOperation s_leakyRelu = UnaryOperation.LeakyRelu(0.01);

    /// <summary>The operation of <paramref name="activation"/>, <see langword="null"/> for <see cref="Activation.Linear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not a defined activation.</exception>
    public static UnaryOperation? ToOperation(this Activation activation, string parameterName) => activation switch
    {
        Activation.Linear => null,
        Activation.Tanh => UnaryOperation.Tanh,
        Activation.Relu => UnaryOperation.Relu,
        Activation.Sigmoid => UnaryOperation.Sigmoid,
        Activation.LeakyRelu => s_leakyRelu,
        Activation.Gelu => UnaryOperation.Gelu,
        _ => throw new ArgumentOutOfRangeException(parameterName, activation, "Unknown activation."),
    };
}
