namespace Micrograd;

public partial class Value
{
    /// <summary>Adds two values. <see cref="Operator"/>: <c>"+"</c>.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>A value whose gradient flows unchanged to both operands.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value operator +(Value left, Value right) => Binary<AddFunction>(left, right, nameof(left), nameof(right));

    /// <summary>Adds a constant to a value; the constant becomes a leaf, as micrograd wraps it in a Value.</summary>
    /// <param name="left">The value.</param>
    /// <param name="right">The constant.</param>
    /// <returns>The sum.</returns>
    public static Value operator +(Value left, double right) => left + new Value(right);

    /// <summary>Adds a value to a constant; the constant becomes a leaf.</summary>
    /// <param name="left">The constant.</param>
    /// <param name="right">The value.</param>
    /// <returns>The sum.</returns>
    public static Value operator +(double left, Value right) => new Value(left) + right;

    /// <summary>Adds two values; the same as <c>left + right</c>.</summary>
    /// <param name="left">The first operand.</param>
    /// <param name="right">The second operand.</param>
    /// <returns>The sum.</returns>
    public static Value Add(Value left, Value right) => left + right;
}

/// <summary>a + b.</summary>
internal readonly struct AddFunction : IBinaryFunction
{
    public string Name => "+";

    public (string Left, string Right) DerivativeTexts => ("1", "1");

    public double Forward(double a, double b) => a + b;

    // d(a + b)/da = 1, d(a + b)/db = 1
    public (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y) => (gradient, gradient);
}
