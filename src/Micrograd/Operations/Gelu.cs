using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// Returns the Gaussian error linear unit in the tanh approximation GPT-2 uses,
    /// 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))), as PyTorch's <c>gelu(approximate: "tanh")</c>.
    /// <see cref="Operator"/>: <c>"gelu"</c>.
    /// </summary>
    /// <returns>GELU(this).</returns>
    public Value Gelu() => Unary(this, default(GeluFunction));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.Gelu"/> applies.</summary>
    public static UnaryOperation Gelu { get; } = new UnaryOperation<GeluFunction>(default);
}

/// <summary>GELU, tanh approximation: 0.5 x (1 + tanh(k (x + c x³))) with k = √(2/π), c = 0.044715.</summary>
internal readonly struct GeluFunction : IUnaryFunction
{
    private const double K = 0.7978845608028654; // √(2/π)
    private const double C = 0.044715;

    public string Name => "gelu";

    public string DerivativeText => "½(1 + t) + ½a(1 − t²)·k(1 + 3c·a²), t = tanh(k(a + c·a³))";

    public double Forward(double x) => 0.5 * x * (1 + Math.Tanh(K * (x + C * (x * x) * x)));

    // With t = tanh(k (x + c x³)):  d/dx = 0.5 (1 + t) + 0.5 x (1 - t²) k (1 + 3c x²)
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y)
    {
        Scalar square = x * x; // PyTorch's order of operations, which also overflows where it does
        Scalar t = Scalar.Tanh(K * (x + C * square * x));
        return gradient * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * K * (1 + 3 * C * square));
    }
}
