using System;
using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>Updates parameters from their gradients, one <see cref="Step"/> at a time.</summary>
public abstract class Optimizer
{
    private double _learningRate;

    /// <summary>Creates an optimizer over a fixed list of parameters.</summary>
    /// <param name="parameters">The parameters to update, usually <see cref="Module.Parameters"/>.</param>
    /// <param name="learningRate">The step size; finite and not negative.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is negative or not finite.</exception>
    protected Optimizer(IReadOnlyList<Value> parameters, double learningRate)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }

        var copy = new Value[parameters.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = parameters[i] ?? throw new ArgumentNullException(nameof(parameters), "Parameter " + i + " is null.");
        }

        Parameters = copy;
        _learningRate = CheckLearningRate(learningRate, nameof(learningRate));
    }

    /// <summary>The parameters this optimizer updates.</summary>
    public IReadOnlyList<Value> Parameters { get; }

    /// <summary>The step size. It may be changed between steps, for example to decay it as micrograd's demo does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = CheckLearningRate(value, nameof(value));
    }

    /// <summary>Updates every parameter's <see cref="Value.Data"/> from its <see cref="Value.Grad"/>.</summary>
    public abstract void Step();

    /// <summary>Sets the gradient of every parameter to zero; call it before each <see cref="Value.Backward"/>.</summary>
    public void ZeroGrad()
    {
        foreach (Value parameter in Parameters)
        {
            parameter.Grad = 0;
        }
    }

    /// <summary>Checks a hyper-parameter that must be finite and not negative.</summary>
    private protected static double NonNegative(double value, string name) =>
        value >= 0 && !double.IsInfinity(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be finite and not negative.");

    /// <summary>Checks a decay rate that must lie in [0, 1).</summary>
    private protected static double DecayRate(double value, string name) =>
        value >= 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be at least 0 and less than 1.");

    private static double CheckLearningRate(double learningRate, string parameterName) =>
        learningRate >= 0 && !double.IsInfinity(learningRate)
            ? learningRate
            : throw new ArgumentOutOfRangeException(parameterName, learningRate, "The learning rate must be finite and not negative.");
}
