using System;
using System.Runtime.CompilerServices;

namespace Micrograd;

// Powers and the elementary functions, each followed by its local derivative. Where PyTorch defines a
// derivative at a special point (0^0, the kink of ReLU), the same choice is made here.
public sealed partial class Value
{
    // ---- a ** c (constant exponent) -----------------------------------------------------------------------

    /// <summary>Raises this value to a constant power. C# has no <c>**</c>, and <c>^</c> is not overloaded because it binds more loosely than <c>+</c>.</summary>
    /// <param name="exponent">The constant exponent. It is not part of the graph and receives no gradient.</param>
    /// <returns><c>this</c> to the power <paramref name="exponent"/>; NaN for a negative base and a fractional exponent.</returns>
    /// <example>
    /// <code>
    /// var x = new Value(3.0);
    /// var y = x.Pow(2); // 9
    /// y.Backward();     // x.Grad == 6
    /// </code>
    /// </example>
    public Value Pow(double exponent) =>
        new(PowConstant(_data, exponent), Operation.PowerConstant, this, new Value(exponent));

    // d(a^c)/da = c * a^(c - 1), taken as 0 when c = 0 (as PyTorch does, so that 0^0 has a finite gradient)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PowerConstantBackward()
    {
        double exponent = Right._data;
        if (exponent != 0)
        {
            _left!._grad += _grad * (exponent * PowConstant(_left._data, exponent - 1));
        }
    }

    // Like PyTorch, compute the common constant powers with exact operations rather than pow(), which also
    // settles the sign of infinities at -0 the same way (1 / sqrt(-0) is -inf where pow(-0, -0.5) is +inf).
    private static double PowConstant(double x, double exponent) => exponent switch
    {
        2 => x * x,
        3 => x * x * x,
        0.5 => Math.Sqrt(x),
        -0.5 => 1 / Math.Sqrt(x),
        -1 => 1 / x,
        -2 => 1 / (x * x),
        _ => Math.Pow(x, exponent),
    };

    // ---- a ** b (both in the graph) -----------------------------------------------------------------------

    /// <summary>Raises this value to a power that is itself a value, so that the exponent receives a gradient too.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns><c>this</c> to the power <paramref name="exponent"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exponent"/> is <see langword="null"/>.</exception>
    public Value Pow(Value exponent)
    {
        if (exponent is null)
        {
            ThrowArgumentNull(nameof(exponent));
        }

        return new(Math.Pow(_data, exponent!._data), Operation.Power, this, exponent);
    }

    // d(a^b)/da = b * a^(b - 1)    (0 when b = 0)
    // d(a^b)/db = a^b * ln(a)      (0 when a = 0 and b >= 0, where the limit is 0; PyTorch does the same)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PowerBackward()
    {
        double a = _left!._data;
        Value right = Right;
        double b = right._data;
        if (b != 0)
        {
            _left._grad += _grad * (b * Math.Pow(a, b - 1));
        }

        if (!(a == 0 && b >= 0))
        {
            right._grad += _grad * (_data * Math.Log(a));
        }
    }

    // ---- exp(a) -------------------------------------------------------------------------------------------

    /// <summary>Returns e raised to this value.</summary>
    /// <returns>e<sup>this</sup>.</returns>
    public Value Exp() => new(Math.Exp(_data), Operation.Exp, this);

    // d(e^a)/da = e^a, which is this node's own data
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ExpBackward() => _left!._grad += _grad * _data;

    // ---- ln(a) --------------------------------------------------------------------------------------------

    /// <summary>Returns the natural logarithm: negative infinity at 0 and NaN below it, as in IEEE 754.</summary>
    /// <returns>ln(this).</returns>
    public Value Log() => new(Math.Log(_data), Operation.Log, this);

    // d(ln a)/da = 1 / a
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LogBackward() => _left!._grad += _grad / _left._data;

    // ---- tanh(a) ------------------------------------------------------------------------------------------

    /// <summary>Returns the hyperbolic tangent. Saturates to exactly ±1 for large inputs, never NaN.</summary>
    /// <returns>tanh(this).</returns>
    public Value Tanh() => new(Math.Tanh(_data), Operation.Tanh, this);

    // d(tanh a)/da = 1 - tanh²(a), from this node's own data
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TanhBackward() => _left!._grad += _grad * (1 - _data * _data);

    // ---- relu(a) ------------------------------------------------------------------------------------------

    /// <summary>Returns the rectified linear unit: this value where it is positive, else 0 (NaN stays NaN).</summary>
    /// <returns>max(0, this).</returns>
    public Value Relu() => new(ReluOf(_data), Operation.Relu, this);

    private static double ReluOf(double x) => x > 0 || double.IsNaN(x) ? x : 0.0;

    // d(relu a)/da = 1 where the output is positive, else 0 (so 0 at the kink, as in PyTorch)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReluBackward()
    {
        if (_data > 0)
        {
            _left!._grad += _grad;
        }
    }

    // ---- sigmoid(a) ---------------------------------------------------------------------------------------

    /// <summary>Returns the logistic sigmoid 1 / (1 + e<sup>-this</sup>), computed so that it never overflows.</summary>
    /// <returns>σ(this), in [0, 1].</returns>
    public Value Sigmoid() => new(SigmoidOf(_data), Operation.Sigmoid, this);

    private static double SigmoidOf(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }

        double e = Math.Exp(x); // e^x underflows to 0 rather than e^-x overflowing
        return e / (1 + e);
    }

    // d(σ(a))/da = σ(a) * (1 - σ(a)), from this node's own data
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SigmoidBackward() => _left!._grad += _grad * (_data * (1 - _data));

    // ---- softplus(a) --------------------------------------------------------------------------------------

    /// <summary>Returns softplus, ln(1 + e<sup>this</sup>), computed so that it never overflows; the smooth relative of <see cref="Relu"/>.</summary>
    /// <returns>ln(1 + e<sup>this</sup>), at least 0.</returns>
    public Value Softplus()
    {
        double x = _data;
        double result = Math.Max(x, 0) + Log1P(Math.Exp(-Math.Abs(x))); // max(x, 0) + ln(1 + e^-|x|)
        return new(result, Operation.Softplus, this);
    }

    // d(softplus a)/da = σ(a), computed stably as in Sigmoid
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SoftplusBackward()
    {
        _left!._grad += _grad * SigmoidOf(_left._data);
    }

    // ln(1 + y) without losing precision for tiny y (netstandard2.0 has no Math.Log1P).
    private static double Log1P(double y) => y < 1e-5 ? y - y * y / 2 + y * y * y / 3 : Math.Log(1 + y);
}
