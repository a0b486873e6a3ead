using System;
using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>
/// Adam, with weight decay decoupled from the gradient as in AdamW, step for step as PyTorch's
/// <c>torch.optim.AdamW</c> (and <c>torch.optim.Adam</c> when <see cref="WeightDecay"/> is 0):
/// p ×= 1 − learningRate × weightDecay; m = β₁m + (1 − β₁)g; v = β₂v + (1 − β₂)g²;
/// p −= learningRate / (1 − β₁ᵗ) × m / (√v / √(1 − β₂ᵗ) + ε).
/// </summary>
/// <example>
/// <code>
/// var optimizer = new Adam(model.Parameters(), learningRate: 0.01, weightDecay: 0.01);
/// </code>
/// </example>
public sealed class Adam : Optimizer
{
    private readonly double[] _firstMoment;
    private readonly double[] _secondMoment;
    private int _steps;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size; PyTorch's default is 0.001.</param>
    /// <param name="beta1">The decay rate of the running mean of gradients, in [0, 1).</param>
    /// <param name="beta2">The decay rate of the running mean of squared gradients, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator for stability; finite and not negative.</param>
    /// <param name="weightDecay">Decoupled weight decay, as in AdamW; 0 for plain Adam.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public Adam(
        IReadOnlyList<Value> parameters,
        double learningRate = 0.001,
        double beta1 = 0.9,
        double beta2 = 0.999,
        double epsilon = 1e-8,
        double weightDecay = 0)
        : base(parameters, learningRate)
    {
        Beta1 = DecayRate(beta1, nameof(beta1));
        Beta2 = DecayRate(beta2, nameof(beta2));
        Epsilon = NonNegative(epsilon, nameof(epsilon));
        WeightDecay = NonNegative(weightDecay, nameof(weightDecay));
        _firstMoment = new double[Parameters.Count];
        _secondMoment = new double[Parameters.Count];
    }

    /// <summary>The decay rate of the running mean of gradients.</summary>
    public double Beta1 { get; }

    /// <summary>The decay rate of the running mean of squared gradients.</summary>
    public double Beta2 { get; }

    /// <summary>The stabilising term added to the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>The decoupled weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override void Step()
    {
        _steps++;
        double correction1 = 1 - Math.Pow(Beta1, _steps);
        double correction2Root = Math.Sqrt(1 - Math.Pow(Beta2, _steps));
        double stepSize = LearningRate / correction1;
        for (int i = 0; i < _firstMoment.Length; i++)
        {
            Value parameter = Parameters[i];
            double gradient = parameter.Grad;
            double data = parameter.Data * (1 - LearningRate * WeightDecay);
            _firstMoment[i] += (gradient - _firstMoment[i]) * (1 - Beta1);
            _secondMoment[i] = Beta2 * _secondMoment[i] + (1 - Beta2) * gradient * gradient;
            double denominator = Math.Sqrt(_secondMoment[i]) / correction2Root + Epsilon;
            parameter.Data = data - stepSize * (_firstMoment[i] / denominator);
        }
    }
}
