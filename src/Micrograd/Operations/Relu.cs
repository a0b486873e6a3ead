using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the rectified linear unit: this value where it is positive, else 0 (NaN stays NaN). <see cref="Operator"/>: <c>"ReLU"</c>.</summary>
    /// <returns>max(0, this).</returns>
    public Value Relu() => Unary(this, default(ReluFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Relu"/> applies.</summary>
    public static UnaryOperation Relu { get; } = new UnaryOperation<ReluFunction>(default);
}

/// <summary>max(0, x), NaN staying NaN.</summary>
internal readonly struct ReluFunction : IUnaryFunction
{
    public string Name => "ReLU";

    public string DerivativeText => "1 if out > 0, else 0";

    public double Forward(double x) => x < 0 ? 0.0 : x; // micrograd's own test: NaN and −0 pass through, as in PyTorch

    // d(relu x)/dx = 1 where the output is positive, else 0 (0 at the kink). As in PyTorch, the gradient is passed
    // or blocked, never multiplied by 0 (so an infinite gradient does not become NaN), and a NaN output passes it.
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => y <= 0 ? 0 : gradient;
}
