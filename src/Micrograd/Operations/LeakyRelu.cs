namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// Returns the leaky rectified linear unit: this value where it is positive, else this value times
    /// <paramref name="slope"/>, as PyTorch's <c>leaky_relu</c>. <see cref="Operator"/>: <c>"leaky_relu"</c> with the slope, such as <c>"leaky_relu(0.01)"</c>.
    /// </summary>
    /// <param name="slope">The slope for negative inputs; PyTorch's default is 0.01.</param>
    /// <returns>this where this &gt; 0, else slope × this.</returns>
    public Value LeakyRelu(double slope = 0.01) => Unary(this, new LeakyReluFunction(slope));
}

public partial class UnaryOperation
{
    /// <summary>The operation <see cref="Value.LeakyRelu"/> applies.</summary>
    /// <param name="slope">The slope for negative inputs.</param>
    /// <returns>The operation x ↦ x &gt; 0 ? x : slope × x.</returns>
    public static UnaryOperation LeakyRelu(double slope = 0.01) => new UnaryOperation<LeakyReluFunction>(new LeakyReluFunction(slope));
}

/// <summary>x where x &gt; 0, else slope * x.</summary>
internal readonly struct LeakyReluFunction : IUnaryFunction
{
    private readonly double _slope;

    public LeakyReluFunction(double slope) => _slope = slope;

    public string Name => "leaky_relu(" + _slope.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

    public string DerivativeText => "1 if a > 0, else " + _slope.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public double Forward(double x) => x > 0 ? x : x * _slope;

    // d/dx = 1 where x > 0, else the slope (the slope at the kink x = 0 and for NaN, as in PyTorch)
    public Scalar Backward(Scalar gradient, Scalar x, Scalar y) => x > 0 ? gradient : gradient * _slope;
}
