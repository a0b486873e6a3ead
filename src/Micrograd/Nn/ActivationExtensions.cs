using System;

namespace Micrograd.Nn;

/// <summary>Applies an <see cref="Activation"/> to a value.</summary>
public static class ActivationExtensions
{
    /// <summary>Applies <paramref name="activation"/> to <paramref name="value"/>.</summary>
    /// <param name="activation">The function to apply.</param>
    /// <param name="value">The neuron's weighted sum.</param>
    /// <returns><paramref name="value"/> itself for <see cref="Activation.Linear"/>, otherwise a new value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activation"/> is not a defined activation.</exception>
    public static Value Apply(this Activation activation, Value value) => activation switch
    {
        Activation.Linear => value,
        Activation.Tanh => value.Tanh(),
        Activation.Relu => value.Relu(),
        Activation.Sigmoid => value.Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    internal static Operation ToOperation(this Activation activation) => activation switch
    {
        Activation.Tanh => Operation.Tanh,
        Activation.Relu => Operation.Relu,
        Activation.Sigmoid => Operation.Sigmoid,
        _ => Operation.Leaf,
    };

    internal static void Validate(this Activation activation, string parameterName)
    {
        if (activation is < Activation.Linear or > Activation.Sigmoid)
        {
            throw new ArgumentOutOfRangeException(parameterName, activation, "Unknown activation.");
        }
    }
}
