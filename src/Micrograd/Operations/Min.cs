namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// The smaller of two values, as PyTorch's <c>minimum</c>: NaN if either is NaN, and the first at a tie (so
    /// <c>Min(0, -0)</c> is 0). At a tie the gradient is split evenly between the two, as PyTorch does. <see cref="Operator"/>: <c>"min"</c>.
    /// </summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>min(left, right).</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is <see langword="null"/>.</exception>
    public static Value Min(Value left, Value right) => Binary<MinFunction>(left, right, nameof(left), nameof(right));
}

/// <summary>min(a, b), NaN-propagating.</summary>
internal readonly struct MinFunction : IBinaryFunction
{
    public string Name => "min";

    public (string Left, string Right) DerivativeTexts => ("1 if a < b, ½ if a = b, else 0", "1 if b < a, ½ if a = b, else 0");

    public double Forward(double a, double b) => double.IsNaN(b) || b < a ? b : a;

    // d/da = 1 where a < b, d/db = 1 where b < a, one half each at a tie (and the whole gradient to both for NaN)
    public (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y) =>
        a == b ? (gradient / 2, gradient / 2) : (a > b ? 0 : gradient, a < b ? 0 : gradient);
}
