namespace Micrograd;

public partial class Value
{
    /// <summary>Multiplies two values. <see cref="Operator"/>: <c>"*"</c>.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>The product.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator *(Value left, Value right) => Binary<MultiplyFunction>(left, right, nameof(left), nameof(right));

    /// <summary>Multiplies a value by a constant; the constant becomes a leaf.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The product.</returns>
    public static Value operator *(Value left, double right) => left * new Value(right);

    /// <summary>Multiplies a constant by a value; the constant becomes a leaf.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The product.</returns>
    public static Value operator *(double left, Value right) => new Value(left) * right;

    /// <summary>Multiplies two values; the same as <c>left * right</c>.</summary>
    /// <param name="left">The first factor.</param>
    /// <param name="right">The second factor.</param>
    /// <returns>The product.</returns>
    public static Value Multiply(Value left, Value right) => left * right;
}

/// <summary>a * b.</summary>
internal readonly struct MultiplyFunction : IBinaryFunction
{
    public string Name => "*";

    public (string Left, string Right) DerivativeTexts => ("b", "a");

    public double Forward(double a, double b) => a * b;

    // d(a * b)/da = b, d(a * b)/db = a
    public (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y) => (gradient * b, gradient * a);
}
