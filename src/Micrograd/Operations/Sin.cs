using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the sine (of an angle in radians). <see cref="Operator"/>: <c>"sin"</c>.</summary>
    /// <returns>sin(this).</returns>
    public Value Sin() => Unary(this, default(SinFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Sin"/> applies.</summary>
    public static UnaryOperation Sin { get; } = new UnaryOperation<SinFunction>(default);
}

/// <summary>sin x.</summary>
internal readonly struct SinFunction : IUnaryFunction
{
    public string Name => "sin";

    public string DerivativeText => "cos a";

    public double Forward(double x) => Math.Sin(x);

    // d(sin x)/dx = cos x
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient * Scalar.Cos(x);
}
