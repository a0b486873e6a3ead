using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns e raised to this value. <see cref="Operator"/>: <c>"exp"</c>.</summary>
    /// <returns>e<sup>this</sup>.</returns>
    public Value Exp() => Unary(this, default(ExpFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Exp"/> applies.</summary>
    public static UnaryOperation Exp { get; } = new UnaryOperation<ExpFunction>(default);
}

/// <summary>e^x.</summary>
internal readonly struct ExpFunction : IUnaryFunction
{
    public string Name => "exp";

    public string DerivativeText => "out";

    public double Forward(double x) => Math.Exp(x);

    // d(e^x)/dx = e^x, which is the output y
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient * y;
}
