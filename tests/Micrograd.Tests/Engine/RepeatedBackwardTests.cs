using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Calling Backward again follows PyTorch: leaves accumulate, interior values are recomputed. (The Python
/// original doubles interior gradients too; its users filed that as a bug.)
/// </summary>
public sealed class RepeatedBackwardTests
{
    [Fact]
    public void Leaf_gradients_accumulate_like_TorchSharp_with_retain_graph()
    {
        var a = new Value(1.5);
        var b = new Value(-0.5);
        var y = (a * b + a.Tanh()) * a;
        y.Backward();
        y.Backward();
        y.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor ta = Torch.Scalar(1.5);
        Tensor tb = Torch.Scalar(-0.5);
        Tensor ty = (ta * tb + ta.tanh()) * ta;
        ty.backward(retain_graph: true);
        ty.backward(retain_graph: true);
        ty.backward();

        a.Grad.ShouldBeCloseTo(Torch.Grad(ta), "a.Grad after three calls");
        b.Grad.ShouldBeCloseTo(Torch.Grad(tb), "b.Grad after three calls");
    }

    [Fact]
    public void Interior_gradients_are_recomputed_not_doubled()
    {
        var a = new Value(3.0);
        var b = a * 2.0;   // interior
        var c = b * b;     // dc/db = 2b = 12
        c.Backward();
        b.Grad.Should().Be(12.0);
        c.Backward();
        b.Grad.Should().Be(12.0);
        c.Grad.Should().Be(1.0);
        a.Grad.Should().Be(48.0); // 24 per call, accumulated twice
    }

    [Fact]
    public void Zeroing_leaves_between_calls_gives_the_single_call_gradient()
    {
        var a = new Value(0.5);
        var c = (a * a).Tanh();
        c.Backward();
        double once = a.Grad;
        once.Should().NotBe(0);
        a.Grad = 0;
        c.Backward();
        a.Grad.Should().Be(once);
    }

    [Fact]
    public void Backward_on_a_leaf_adds_one_to_its_gradient()
    {
        var a = new Value(7.0);
        a.Backward();
        a.Backward();
        a.Grad.Should().Be(2.0);
    }

    [Fact]
    public void Backward_on_an_interior_value_sets_its_own_gradient_to_one()
    {
        var a = new Value(2.0);
        var b = a * a;
        b.Grad = 42;
        b.Backward();
        b.Grad.Should().Be(1.0);
        a.Grad.Should().Be(4.0);
    }
}
