namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// The larger of two values, as PyTorch's <c>maximum</c>: NaN if either is NaN, and the first at a tie (so
    /// <c>Max(0, -0)</c> is 0). At a tie the gradient is split evenly between the two, as PyTorch does. <see cref="Operator"/>: <c>"max"</c>.
    /// </summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>max(left, right).</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value Max(Value left, Value right) => Binary<MaxFunction>(left, right, nameof(left), nameof(right));
}

/// <summary>max(a, b), NaN-propagating.</summary>
internal readonly struct MaxFunction : IBinaryFunction
{
    public string Name => "max";

    public (string Left, string Right) DerivativeTexts => ("1 if a > b, ½ if a = b, else 0", "1 if b > a, ½ if a = b, else 0");

    public double Forward(double a, double b) => double.IsNaN(b) || a < b ? b : a;

    // d/da = 1 where a > b, d/db = 1 where b > a, one half each at a tie (and the whole gradient to both for NaN)
    public (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y) =>
        a == b ? (gradient / 2, gradient / 2) : (a < b ? 0 : gradient, a > b ? 0 : gradient);
}
