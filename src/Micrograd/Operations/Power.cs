using System;
using System.Globalization;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// Raises this value to a constant power. C# has no <c>**</c>, and <c>^</c> is not overloaded because it binds
    /// more loosely than <c>+</c>. <see cref="Operator"/>: <c>"**"</c> followed by the exponent, such as <c>"**2"</c>.
    /// </summary>
    /// <param name="exponent">The constant exponent. It is not part of the graph and receives no gradient.</param>
    /// <returns><c>this</c> to the power <paramref name="exponent"/>; NaN for a negative base and a fractional exponent.</returns>
    /// <example>
    /// <code>
    /// var x = new Value(3.0);
    /// var y = x.Pow(2); // 9
    /// y.Backward();     // x.Grad == 6
    /// </code>
    /// </example>
    public Value Pow(double exponent) => Unary(this, new PowerConstantFunction(exponent));

    /// <summary>
    /// Raises this value to a power that is itself a value, so that the exponent receives a gradient too.
    /// <see cref="Operator"/>: <c>"**"</c>.
    /// </summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns><c>this</c> to the power <paramref name="exponent"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exponent"/> is <see langword="null"/>.</exception>
    public Value Pow(Value exponent)
    {
        ArgumentChecks.NotNull(exponent, nameof(exponent));
        return BinaryOf<PowerFunction>(this, exponent);
    }
}

public partial class UnaryOperation
{
    /// <summary>Raising to a constant power, as <see cref="Value.Pow(double)"/> does.</summary>
    /// <param name="exponent">The constant exponent.</param>
    /// <returns>The operation x ↦ x<sup><paramref name="exponent"/></sup>.</returns>
    public static UnaryOperation Pow(double exponent) => new UnaryOperation<PowerConstantFunction>(new PowerConstantFunction(exponent));
}

/// <summary>x ** c for a constant c.</summary>
internal readonly struct PowerConstantFunction : IUnaryFunction
{
    private readonly double _exponent;

    public PowerConstantFunction(double exponent) => _exponent = exponent;

    public string Name => "**" + _exponent.ToString(CultureInfo.InvariantCulture);

    public string DerivativeText => _exponent.ToString(CultureInfo.InvariantCulture) + "·a^(" + (_exponent - 1).ToString(CultureInfo.InvariantCulture) + ")";

    public double Forward(double x) => Of(x, _exponent);

    // d(x^c)/dx = c * x^(c - 1), taken as 0 when c = 0 (as PyTorch does, so that 0^0 has a finite gradient)
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) =>
        _exponent == 0 ? 0 : gradient * (_exponent * Scalar.Pow(x, _exponent - 1));

    // Like PyTorch, compute the common constant powers with exact operations rather than pow(), which also
    // settles the sign of infinities at -0 the same way (1 / sqrt(-0) is -inf where pow(-0, -0.5) is +inf).
    internal static double Of(double x, double exponent) => exponent switch
    {
        2 => x * x,
        3 => x * x * x,
        0.5 => Math.Sqrt(x),
        -0.5 => 1 / Math.Sqrt(x),
        -1 => 1 / x,
        -2 => 1 / (x * x),
        _ => Math.Pow(x, exponent),
    };
}

/// <summary>a ** b, both in the graph.</summary>
internal readonly struct PowerFunction : IBinaryFunction
{
    public string Name => "**";

    public (string Left, string Right) DerivativeTexts => ("b·a^(b − 1)", "out·ln a");

    public double Forward(double a, double b) => Math.Pow(a, b);

    // d(a^b)/da = b * a^(b - 1)    (0 when b = 0)
    // d(a^b)/db = a^b * ln(a)      (0 when a = 0 and b >= 0, where the limit is 0; PyTorch does the same)
    public (Scalar Left, Scalar Right) Backward(Scalar gradient, Scalar a, Scalar b, Scalar y) =>
        (b == 0 ? 0 : gradient * (b * Scalar.Pow(a, b - 1)),
         a == 0 && b >= 0 ? 0 : gradient * (y * Scalar.Log(a)));
}
