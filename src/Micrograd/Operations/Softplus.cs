using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// Returns softplus, ln(1 + e<sup>this</sup>), computed so that it never overflows; the smooth relative of
    /// <see cref="Relu"/>. As PyTorch's <c>softplus</c> (threshold 20), it is the input itself above 20, where the
    /// two differ by less than 1e-8 relative. <see cref="Operator"/>: <c>"softplus"</c>.
    /// </summary>
    /// <returns>ln(1 + e<sup>this</sup>), at least 0.</returns>
    public Value Softplus() => Unary(this, default(SoftplusFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Softplus"/> applies.</summary>
    public static UnaryOperation Softplus { get; } = new UnaryOperation<SoftplusFunction>(default);
}

/// <summary>softplus(x) = ln(1 + e^x).</summary>
internal readonly struct SoftplusFunction : IUnaryFunction
{
    public string Name => "softplus";

    public string DerivativeText => "σ(a)";

    private const double Threshold = 20; // PyTorch's: above it, softplus(x) is x

    // max(x, 0) + ln(1 + e^-|x|), or x above the threshold
    public double Forward(double x) => x > Threshold ? x : Math.Max(x, 0) + Log1P(Math.Exp(-Math.Abs(x)));

    // d(softplus x)/dx = σ(x), computed stably; 1 above the threshold
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => x > Threshold ? gradient : gradient * Scalar.Sigmoid(x);

    // ln(1 + y) without losing precision for tiny y (netstandard2.0 has no Math.Log1P).
    private static double Log1P(double y) => y < 1e-5 ? y - y * y / 2 + y * y * y / 3 : Math.Log(1 + y);
}
