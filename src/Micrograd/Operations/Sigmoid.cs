using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the logistic sigmoid 1 / (1 + e<sup>-this</sup>), computed so that it never overflows. <see cref="Operator"/>: <c>"sigmoid"</c>.</summary>
    /// <returns>σ(this), in [0, 1].</returns>
    public Value Sigmoid() => Unary(this, default(SigmoidFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Sigmoid"/> applies.</summary>
    public static UnaryOperation Sigmoid { get; } = new UnaryOperation<SigmoidFunction>(default);
}

/// <summary>σ(x) = 1 / (1 + e^-x).</summary>
internal readonly struct SigmoidFunction : IUnaryFunction
{
    public string Name => "sigmoid";

    public string DerivativeText => "out·(1 − out)";

    public double Forward(double x) => Of(x);

    // d(σ(x))/dx = σ(x) * (1 - σ(x)) = y * (1 - y)
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient * (y * (1 - y));

    internal static double Of(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }

        double e = Math.Exp(x); // e^x underflows to 0 rather than e^-x overflowing
        return e / (1 + e);
    }
}
