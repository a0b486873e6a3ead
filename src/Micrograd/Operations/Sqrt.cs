using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the square root: NaN below 0, as in IEEE 754. <see cref="Operator"/>: <c>"sqrt"</c>.</summary>
    /// <returns>√this.</returns>
    public Value Sqrt() => Unary(this, default(SqrtFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Sqrt"/> applies.</summary>
    public static UnaryOperation Sqrt { get; } = new UnaryOperation<SqrtFunction>(default);
}

/// <summary>√x.</summary>
internal readonly struct SqrtFunction : IUnaryFunction
{
    public string Name => "sqrt";

    public string DerivativeText => "1/(2·out)";

    public double Forward(double x) => Math.Sqrt(x);

    // d(√x)/dx = 1 / (2√x) = 1 / (2y); +∞ at 0, as in PyTorch
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient / (2 * y);
}
