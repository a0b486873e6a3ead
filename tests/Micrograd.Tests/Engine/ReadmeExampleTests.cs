using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Engine;

/// <summary>
/// The expression from the Python original's README and tests, in its tanh and relu forms. The printed figures
/// are the Python original's published ones; the full-precision reference is TorchSharp in float64.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Theory]
    [InlineData(false, "4.6252", "27.0601", "117.3345")]
    [InlineData(true, "24.7041", "138.8338", "645.5773")]
    public void Matches_TorchSharp_and_the_published_figures(bool useRelu, string printedData, string printedGradA, string printedGradB)
    {
        var a = new Value(-4.0);
        var b = new Value(2.0);
        Value g = MicrogradReadme.Expression(a, b, useRelu);
        g.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor ta = Torch.Scalar(-4.0);
        Tensor tb = Torch.Scalar(2.0);
        Tensor tg = MicrogradReadme.Expression(ta, tb, useRelu);
        tg.backward();

        g.Data.ShouldBeCloseTo(Torch.Data(tg), "g.Data");
        a.Grad.ShouldBeCloseTo(Torch.Grad(ta), "a.Grad");
        b.Grad.ShouldBeCloseTo(Torch.Grad(tb), "b.Grad");

        string Print(double x) => x.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
        Print(g.Data).Should().Be(printedData);
        Print(a.Grad).Should().Be(printedGradA);
        Print(b.Grad).Should().Be(printedGradB);
    }

    /// <summary>micrograd's test_sanity_check: x used five times, relu on both sides.</summary>
    [Fact]
    public void Sanity_check_from_the_original_tests_matches_TorchSharp()
    {
        var x = new Value(-4.0);
        var z = 2 * x + 2 + x;
        var q = z.Relu() + z * x;
        var h = (z * z).Relu();
        var y = h + q + q * x;
        y.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor tx = Torch.Scalar(-4.0);
        Tensor tz = 2 * tx + 2 + tx;
        Tensor tq = tz.relu() + tz * tx;
        Tensor th = (tz * tz).relu();
        Tensor ty = th + tq + tq * tx;
        ty.backward();

        y.Data.ShouldBeCloseTo(Torch.Data(ty), "y.Data");
        x.Grad.ShouldBeCloseTo(Torch.Grad(tx), "x.Grad");
    }
}
