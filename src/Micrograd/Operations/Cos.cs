using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the cosine (of an angle in radians). <see cref="Operator"/>: <c>"cos"</c>.</summary>
    /// <returns>cos(this).</returns>
    public Value Cos() => Unary(this, default(CosFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Cos"/> applies.</summary>
    public static UnaryOperation Cos { get; } = new UnaryOperation<CosFunction>(default);
}

/// <summary>cos x.</summary>
internal readonly struct CosFunction : IUnaryFunction
{
    public string Name => "cos";

    public string DerivativeText => "−sin a";

    public double Forward(double x) => Math.Cos(x);

    // d(cos x)/dx = -sin x
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient * -Scalar.Sin(x);
}
