namespace Micrograd;

public partial class Value
{
    /// <summary>Subtracts one value from another. <see cref="Operator"/>: <c>"-"</c>.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator -(Value left, Value right) => Binary<SubtractFunction>(left, right, nameof(left), nameof(right));

    /// <summary>Subtracts a constant from a value; the constant becomes a leaf.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The difference.</returns>
    public static Value operator -(Value left, double right) => left - new Value(right);

    /// <summary>Subtracts a value from a constant; the constant becomes a leaf.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The difference.</returns>
    public static Value operator -(double left, Value right) => new Value(left) - right;

    /// <summary>Subtracts <paramref name="right"/> from <paramref name="left"/>; the same as <c>left - right</c>.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference.</returns>
    public static Value Subtract(Value left, Value right) => left - right;
}

/// <summary>a - b.</summary>
internal readonly struct SubtractFunction : IBinaryFunction
{
    public string Name => "-";

    public (string Left, string Right) DerivativeTexts => ("1", "−1");

    public double Forward(double a, double b) => a - b;

    // d(a - b)/da = 1, d(a - b)/db = -1
    public (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y) => (gradient, -gradient);
}
