namespace Micrograd;

public partial class Value
{
    /// <summary>Negates a value. <see cref="Operator"/>: <c>"neg"</c>.</summary>
    /// <param name="value">The value to negate.</param>
    /// <returns>The negation.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static Value operator -(Value value)
    {
        ArgumentChecks.NotNull(value, nameof(value));
        return Unary(value, default(NegateFunction));
    }

    /// <summary>Negates a value; the same as <c>-value</c>.</summary>
    /// <param name="value">The value to negate.</param>
    /// <returns>The negation.</returns>
    public static Value Negate(Value value) => -value;
}

public partial class UnaryOperation
{
    /// <summary>The operation unary <c>-</c> applies.</summary>
    public static UnaryOperation Negate { get; } = new UnaryOperation<NegateFunction>(default);
}

/// <summary>-x.</summary>
internal readonly struct NegateFunction : IUnaryFunction
{
    public string Name => "neg";

    public string DerivativeText => "−1";

    public double Forward(double x) => -x;

    // d(-x)/dx = -1
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => -gradient;
}
