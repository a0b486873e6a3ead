namespace Micrograd.Samples.MicroGpt;

/// <summary>
/// microgpt's Adam: β1 0.85, β2 0.99, ε 1e-8, bias-corrected moments, and a learning rate that decays
/// linearly from 0.01 to 0 over the run. <see cref="Step"/> updates every parameter and zeroes its gradient.
/// </summary>
/// <remarks>
/// The update is the original's, rearranged as PyTorch's Adam computes it, and the rearrangement can change the
/// last bit: the bias corrections are folded into a step size and a reciprocal once per step (the original
/// divides every parameter's moments by them), and <c>p.grad ** 2</c> and <c>v_hat ** 0.5</c> (C's pow, about
/// 20 ns a call) are <c>g * g</c> and <see cref="Math.Sqrt"/>. Measured, the update takes about 0.017 ms a
/// step instead of 0.25 ms with pow and the original's divisions (a fused step takes 0.2 ms). Measured over the default 1,000 steps, the losses stay within 2e-15 of the
/// original's in either graph, as they do with the original's formula: the gradients' own rounding (their terms
/// are added in another order than Python's) matters as much.
/// </remarks>
/// <param name="parameters">The parameters, in the original's order.</param>
public sealed class Adam(IReadOnlyList<Value> parameters)
{
    public const double LearningRate = 0.01;
    public const double Beta1 = 0.85;
    public const double Beta2 = 0.99;
    public const double EpsAdam = 1e-8;

    private readonly Value[] _params = parameters.ToArray();
    private readonly double[] _m = new double[parameters.Count]; // first moment buffer
    private readonly double[] _v = new double[parameters.Count]; // second moment buffer

    /// <summary>One update, for step <paramref name="step"/> (from 0) of <paramref name="numSteps"/>.</summary>
    public void Step(int step, int numSteps)
    {
        double lrT = LearningRate * (1 - (double)step / numSteps);

        // The same for every parameter, so computed once.
        double correction1 = 1 - Math.Pow(Beta1, step + 1);
        double correction2 = 1 - Math.Pow(Beta2, step + 1);
        double stepSize = lrT / correction1;
        double inverse2 = 1 / correction2;
        Value[] ps = _params;
        double[] m = _m;
        double[] v = _v;
        for (int i = 0; i < ps.Length; i++)
        {
            Value p = ps[i];
            double grad = p.Grad;
            m[i] = Beta1 * m[i] + (1 - Beta1) * grad;
            v[i] = Beta2 * v[i] + (1 - Beta2) * (grad * grad);
            p.Data -= stepSize * m[i] / (Math.Sqrt(v[i] * inverse2) + EpsAdam); // lr_t * m_hat / (v_hat ** 0.5 + eps)
            p.Grad = 0;
        }
    }
}
