using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Reference;

/// <summary>
/// Runs the same computation in Micrograd and in TorchSharp over many inputs and collects every disagreement,
/// so that one failing test names all the inputs it fails on.
/// </summary>
internal static class ReferenceCheck
{
    /// <summary>Inputs that cover signs, zero, fractions and large magnitudes.</summary>
    public static readonly double[] Inputs = [-1000.0, -25.0, -3.5, -1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 1.0, 2.7, 5.0, 10.0, 21.0, 30.0, 1000.0];

    /// <summary><see cref="Inputs"/> and the IEEE edges: infinities, NaN, and numbers near the ends of the range.</summary>
    public static readonly double[] EdgeInputs =
        [.. Inputs, double.NegativeInfinity, double.PositiveInfinity, double.NaN, -1e-300, 1e-300, 5e-324, -1e300, 1e300];

    public static void Unary(Func<Value, Value> mine, Func<Tensor, Tensor> reference, double[]? inputs = null, double relative = Closeness.Relative)
    {
        var failures = new List<string>();
        foreach (double x in inputs ?? EdgeInputs)
        {
            var a = new Value(x);
            Value result = mine(a);
            result.Backward();

            using var scope = torch.NewDisposeScope();
            Tensor ta = Torch.Scalar(x);
            Tensor tr = reference(ta);
            tr.backward();

            Compare(failures, $"x={x:R}: data", result.Data, Torch.Data(tr), relative);
            Compare(failures, $"x={x:R}: grad", a.Grad, Torch.Grad(ta), relative);
        }

        failures.Should().BeEmpty();
    }

    public static void Binary(Func<Value, Value, Value> mine, Func<Tensor, Tensor, Tensor> reference, double[]? inputs = null)
    {
        var failures = new List<string>();
        foreach (double x in inputs ?? EdgeInputs)
        {
            foreach (double y in inputs ?? EdgeInputs)
            {
                var a = new Value(x);
                var b = new Value(y);
                Value result = mine(a, b);
                result.Backward();

                using var scope = torch.NewDisposeScope();
                Tensor ta = Torch.Scalar(x);
                Tensor tb = Torch.Scalar(y);
                Tensor tr = reference(ta, tb);
                tr.backward();

                Compare(failures, $"x={x:R}, y={y:R}: data", result.Data, Torch.Data(tr));
                Compare(failures, $"x={x:R}, y={y:R}: grad of x", a.Grad, Torch.Grad(ta));
                Compare(failures, $"x={x:R}, y={y:R}: grad of y", b.Grad, Torch.Grad(tb));
            }
        }

        failures.Should().BeEmpty();
    }

    /// <summary>A value combined with a plain double (either side); only the value has a gradient.</summary>
    public static void WithConstant(Func<Value, double, Value> mine, Func<Tensor, double, Tensor> reference)
    {
        var failures = new List<string>();
        foreach (double x in EdgeInputs)
        {
            foreach (double c in EdgeInputs)
            {
                var a = new Value(x);
                Value result = mine(a, c);
                result.Backward();

                using var scope = torch.NewDisposeScope();
                Tensor ta = Torch.Scalar(x);
                Tensor tr = reference(ta, c);
                tr.backward();

                Compare(failures, $"x={x:R}, c={c:R}: data", result.Data, Torch.Data(tr));
                Compare(failures, $"x={x:R}, c={c:R}: grad of x", a.Grad, Torch.Grad(ta));
            }
        }

        failures.Should().BeEmpty();
    }

    // Besides the relative tolerance, finite results may differ by 1e-15 absolute: the rounding of a difference of
    // numbers near 1, such as tanh'(10) = 1 - tanh²(10), where the two libraries' tanh differ in the last bit.
    private const double Absolute = 1e-15;

    private static void Compare(List<string> failures, string what, double actual, double expected, double relative = Closeness.Relative)
    {
        bool closeInAbsoluteTerms = double.IsFinite(actual) && double.IsFinite(expected) && Math.Abs(actual - expected) <= Absolute;
        if (!Closeness.AreClose(actual, expected, relative) && !closeInAbsoluteTerms)
        {
            failures.Add($"{what} was {actual:R}, TorchSharp says {expected:R}");
        }
    }
}
