using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the natural logarithm: negative infinity at 0 and NaN below it, as in IEEE 754. <see cref="Operator"/>: <c>"log"</c>.</summary>
    /// <returns>ln(this).</returns>
    public Value Log() => Unary(this, default(LogFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Log"/> applies.</summary>
    public static UnaryOperation Log { get; } = new UnaryOperation<LogFunction>(default);
}

/// <summary>ln x.</summary>
internal readonly struct LogFunction : IUnaryFunction
{
    public string Name => "log";

    public string DerivativeText => "1/a";

    public double Forward(double x) => Math.Log(x);

    // d(ln x)/dx = 1 / x
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient / x;
}
