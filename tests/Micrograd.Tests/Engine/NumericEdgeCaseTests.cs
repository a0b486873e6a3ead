using Micrograd.Tests.Reference;
using TorchSharp;

namespace Micrograd.Tests.Engine;

/// <summary>IEEE 754 semantics as in PyTorch: no operation throws for a numeric domain, and saturating functions stay finite.</summary>
public sealed class NumericEdgeCaseTests
{
    // Expected values from CPython: max(x, 0) + math.log1p(math.exp(-abs(x))), and the logistic function. Where e^-|x|
    // is below about 1e-5, ln(1 + e^-|x|) computed as math.log(1 + y) would lose up to half its digits (at -25 it
    // gives 1.388800185954457e-11, wrong from the fifth digit), so these points check that softplus keeps them.
    // Above 20 softplus is x itself and its slope 1, PyTorch's threshold.
    [Theory]
    [InlineData(-40.0, 4.248354255291589e-18, 4.248354255291589e-18)]
    [InlineData(-25.0, 1.3887943864867583e-11, 1.3887943864771146e-11)]
    [InlineData(-21.5, 4.599055377594751e-10, 4.599055376537186e-10)]
    [InlineData(-12.0, 6.144193477732806e-06, 6.144174602214718e-06)]
    [InlineData(15.0, 15.000000305902274, 0.999999694097773)]
    [InlineData(19.0, 19.000000005602796, 0.9999999943972036)]
    [InlineData(20.0, 20.000000002061153, 0.9999999979388463)] // at exactly 20 the threshold (x > 20) is not passed yet
    [InlineData(21.0, 21.0, 1.0)]
    public void Softplus_keeps_full_precision_where_the_exponential_term_is_tiny(double x, double expected, double slope)
    {
        var input = new Value(x);
        Value y = input.Softplus();
        y.Backward();

        y.Data.ShouldBeCloseTo(expected, $"softplus({x})", 1e-15);
        input.Grad.ShouldBeCloseTo(slope, $"softplus'({x})", 1e-15);
    }

    [Fact]
    public void Log_of_zero_is_negative_infinity()
    {
        new Value(0.0).Log().Data.Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void Log_of_a_negative_number_is_NaN()
    {
        new Value(-1.0).Log().Data.Should().Be(double.NaN);
    }

    [Fact]
    public void A_negative_base_to_a_fractional_power_is_NaN_for_both_kinds_of_exponent()
    {
        new Value(-8.0).Pow(1.0 / 3.0).Data.Should().Be(double.NaN);
        new Value(-8.0).Pow(new Value(0.5)).Data.Should().Be(double.NaN);
    }

    [Fact]
    public void One_divided_by_zero_is_positive_infinity()
    {
        (1 / new Value(0.0)).Data.Should().Be(double.PositiveInfinity);
        (new Value(1.0) / 0.0).Data.Should().Be(double.PositiveInfinity);
    }

    [Theory]
    [InlineData(1000.0, 1.0)]
    [InlineData(-1000.0, -1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    public void Tanh_saturates_exactly_with_a_zero_gradient(double input, double expected)
    {
        var x = new Value(input);
        var y = x.Tanh();
        y.Backward();
        y.Data.Should().Be(expected);
        x.Grad.Should().Be(0.0);
    }

    [Theory]
    [InlineData(-1000.0, 0.0)]
    [InlineData(1000.0, 1.0)]
    [InlineData(-800.0, 0.0)]
    public void Sigmoid_saturates_exactly_with_a_zero_gradient(double input, double expected)
    {
        var x = new Value(input);
        var y = x.Sigmoid();
        y.Backward();
        y.Data.Should().Be(expected);
        x.Grad.Should().Be(0.0);
    }

    [Fact]
    public void Saturated_activations_leave_no_NaN_anywhere_in_the_gradient()
    {
        var w = new Value(50.0);
        var b = new Value(-3.0);
        var y = (w * 40.0 + b).Tanh() + (w * -30.0 + b).Sigmoid() + (b * 1000).Tanh();
        y.Backward();
        double.IsNaN(w.Grad).Should().BeFalse();
        double.IsNaN(b.Grad).Should().BeFalse();
        w.Grad.Should().Be(0.0);
        b.Grad.Should().Be(0.0);
    }

    [Fact]
    public void Relu_has_zero_gradient_at_the_kink_as_in_TorchSharp()
    {
        var x = new Value(0.0);
        x.Relu().Backward();

        using var scope = torch.NewDisposeScope();
        var tx = Torch.Scalar(0.0);
        tx.relu().backward();
        x.Grad.Should().Be(Torch.Grad(tx)).And.Be(0.0);
    }

    [Theory]
    [InlineData("-0")] // as text: xunit counts -0.0 and 0.0 as the same case
    [InlineData("0")]
    [InlineData("NaN")]
    public void Relu_passes_negative_zero_and_NaN_through_bit_for_bit_as_TorchSharp_does(string text)
    {
        double input = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        using var scope = torch.NewDisposeScope();
        double expected = Torch.Data(Torch.Scalar(input).relu());

        double actual = new Value(input).Relu().Data;

        BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected), "relu({0}) is {1} in TorchSharp", input, expected);
    }

    [Theory]
    [InlineData("-0", -0.5)] // -0 · -0.5 = +0: zero takes the slope's side, as the sign of zero shows
    [InlineData("0", -0.5)]
    [InlineData("0", double.PositiveInfinity)] // 0 · ∞ = NaN
    [InlineData("-1", 0.01)]
    public void LeakyRelu_at_zero_applies_the_slope_bit_for_bit_as_TorchSharp_does(string text, double slope)
    {
        double input = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        using var scope = torch.NewDisposeScope();
        double expected = Torch.Data(torch.nn.functional.leaky_relu(Torch.Scalar(input), slope));

        double actual = new Value(input).LeakyRelu(slope).Data;

        BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected), "leaky_relu({0}, {1}) is {2} in TorchSharp", input, slope, expected);
    }

    [Fact]
    public void Zero_to_the_power_zero_is_one_with_finite_gradients_as_in_TorchSharp()
    {
        var a = new Value(0.0);
        var b = new Value(0.0);
        var y = a.Pow(b);
        y.Backward();

        using var scope = torch.NewDisposeScope();
        var ta = Torch.Scalar(0.0);
        var tb = Torch.Scalar(0.0);
        var ty = ta.pow(tb);
        ty.backward();

        y.Data.Should().Be(1.0);
        a.Grad.Should().Be(Torch.Grad(ta));
        b.Grad.Should().Be(Torch.Grad(tb));
    }

    [Fact]
    public void NaN_flows_through_relu_instead_of_being_hidden()
    {
        new Value(double.NaN).Relu().Data.Should().Be(double.NaN);
    }
}
