using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>Returns the absolute value. <see cref="Operator"/>: <c>"abs"</c>.</summary>
    /// <returns>|this|.</returns>
    public Value Abs() => Unary(this, default(AbsFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Abs"/> applies.</summary>
    public static UnaryOperation Abs { get; } = new UnaryOperation<AbsFunction>(default);
}

/// <summary>|x|.</summary>
internal readonly struct AbsFunction : IUnaryFunction
{
    public string Name => "abs";

    public string DerivativeText => "sign(a)";

    public double Forward(double x) => Math.Abs(x);

    // d|x|/dx = sign(x): 1, -1, and 0 at the kink x = 0, as in PyTorch
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => gradient * Sign(x);

    // sign(x) as PyTorch computes it: (0 < x) - (x < 0), which is 0 for 0 and for NaN.
    private static double Sign(Scalar x) => (x > 0 ? 1.0 : 0.0) - (x < 0 ? 1.0 : 0.0);
}
