namespace Micrograd;

public partial class Value
{
    /// <summary>Divides one value by another. Division by zero gives an infinity or NaN, as in IEEE 754. <see cref="Operator"/>: <c>"/"</c>.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator /(Value left, Value right) => Binary<DivideFunction>(left, right, nameof(left), nameof(right));

    /// <summary>Divides a value by a constant; the constant becomes a leaf.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The quotient.</returns>
    public static Value operator /(Value left, double right) => left / new Value(right);

    /// <summary>Divides a constant by a value; the constant becomes a leaf.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The quotient.</returns>
    public static Value operator /(double left, Value right) => new Value(left) / right;

    /// <summary>Divides <paramref name="left"/> by <paramref name="right"/>; the same as <c>left / right</c>.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    public static Value Divide(Value left, Value right) => left / right;
}

/// <summary>a / b.</summary>
internal readonly struct DivideFunction : IBinaryFunction
{
    public string Name => "/";

    public (string Left, string Right) DerivativeTexts => ("1/b", "−out/b");

    public double Forward(double a, double b) => a / b;

    // d(a / b)/da = 1 / b, d(a / b)/db = -a / b² = -y / b (PyTorch's form, which also gives 0 rather than
    // NaN where b² underflows but a / b does not)
    public (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y) =>
        (gradient / b, -gradient * (y / b));
}
