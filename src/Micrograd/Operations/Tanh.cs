using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the hyperbolic tangent. Saturates to exactly ±1 for large inputs (NaN only for NaN). <see cref="Operator"/>: <c>"tanh"</c>.</summary>
    /// <returns>tanh(this).</returns>
    public Value Tanh() => Unary(this, default(TanhFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Tanh"/> applies.</summary>
    public static UnaryOperation Tanh { get; } = new UnaryOperation<TanhFunction>(default);
}

/// <summary>tanh x.</summary>
internal readonly struct TanhFunction : IUnaryFunction
{
    public string Name => "tanh";

    public string DerivativeText => "1 − out²";

    public double Forward(double x) => Math.Tanh(x);

    // d(tanh x)/dx = 1 - tanh²(x) = 1 - y²
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient * (1 - y * y);
}
