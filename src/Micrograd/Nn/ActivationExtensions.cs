using System;

namespace Micrograd.Nn;

/// <summary>Applies an <see cref="Activation"/> to a value.</summary>
public static class ActivationExtensions
{
    private static readonly UnaryOperation s_leakyRelu = UnaryOperation.LeakyRelu(0.01);

    /// <summary>Applies <paramref name="activation"/> to <paramref name="value"/>.</summary>
    /// <param name="activation">The function to apply.</param>
    /// <param name="value">The neuron's weighted sum.</param>
    /// <returns><paramref name="value"/> itself for <see cref="Activation.Linear"/>, otherwise a new value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not a defined activation.</exception>
    public static Value Apply(this Activation activation, Value value)
    {
        UnaryOperation? operation = activation.ToOperation(nameof(activation));
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return operation is null ? value : operation.Apply(value);
    }

    /// <summary>
    /// The engine's operation for an activation, <see langword="null"/> for <see cref="Activation.Linear"/>: the one
    /// place an activation is mapped, so a neuron's node and <see cref="Apply"/> always agree.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not a defined activation.</exception>
    internal static UnaryOperation? ToOperation(this Activation activation, string parameterName) => activation switch
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
