using System.Collections.Generic;

namespace Micrograd.Nn;

/// <summary>
/// Stochastic gradient descent with optional momentum and weight decay, step for step as PyTorch's
/// <c>torch.optim.SGD</c> (no dampening, no Nesterov): g = grad + weightDecay × p; v = momentum × v + g
/// (v = g on the first step); p −= learningRate × v.
/// </summary>
/// <example>
/// <code>
/// var optimizer = new Sgd(model.Parameters(), learningRate: 1.0);
/// for (int k = 0; k &lt; 100; k++)
/// {
///     optimizer.LearningRate = 1.0 - 0.9 * k / 100; // micrograd's demo decays it
///     Value loss = ComputeLoss(model);
///     optimizer.ZeroGrad();
///     loss.Backward();
///     optimizer.Step();
/// }
/// </code>
/// </example>
public sealed class Sgd : Optimizer
{
    private readonly double[] _velocity; // starts at zero, so the first step's v = momentum × 0 + g is g

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">The step size.</param>
    /// <param name="momentum">The momentum factor in [0, 1); 0 for plain gradient descent.</param>
    /// <param name="weightDecay">The L2 penalty added to each gradient as weightDecay × p; 0 for none.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="parameters"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">A hyper-parameter is out of its range.</exception>
    public Sgd(IReadOnlyList<Value> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
        : base(parameters, learningRate)
    {
        Momentum = DecayRate(momentum, nameof(momentum));
        WeightDecay = NonNegative(weightDecay, nameof(weightDecay));
        _velocity = new double[Parameters.Count];
    }

    /// <summary>The momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>The L2 penalty added to each gradient.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override void Step()
    {
        for (int i = 0; i < _velocity.Length; i++)
        {
            Value parameter = Parameters[i];
            double gradient = parameter.Grad + WeightDecay * parameter.Data;
            if (Momentum != 0)
            {
                gradient = _velocity[i] = Momentum * _velocity[i] + gradient;
            }

            parameter.Data -= LearningRate * gradient;
        }
    }
}
