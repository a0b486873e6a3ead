using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Engine;

/// <summary>
/// A value used more than once must receive the sum of the gradients of all its uses, exactly once each.
/// Expected figures are exact arithmetic, worked out in the comments.
/// </summary>
public sealed class SharedSubexpressionTests
{
    [Fact]
    public void A_value_added_to_itself_gets_gradient_two()
    {
        var a = new Value(3.0);
        var b = a + a; // b = 2a
        b.Backward();
        b.Data.Should().Be(6.0);
        a.Grad.Should().Be(2.0);
    }

    [Fact]
    public void A_value_multiplied_by_itself_gets_twice_its_data()
    {
        var x = new Value(-3.0);
        var y = x * x; // dy/dx = 2x = -6
        y.Backward();
        y.Data.Should().Be(9.0);
        x.Grad.Should().Be(-6.0);
    }

    [Fact]
    public void A_diamond_sums_both_paths_and_visits_the_shared_node_once()
    {
        var a = new Value(2.0);
        var b = a * 3.0;       // db/da = 3
        var left = b * b;      // d/db = 2b = 12
        var right = b + 1.0;   // d/db = 1
        var top = left * right; // top = b²(b + 1) = 36 * 7; d/db = 2b(b + 1) + b² = 84 + 36 = 120
        top.Backward();
        top.Data.Should().Be(252.0);
        b.Grad.Should().Be(120.0);
        a.Grad.Should().Be(360.0); // 120 * 3
    }

    [Fact]
    public void A_shared_interior_node_passes_on_its_total_gradient_only_once()
    {
        // c = a * b is used by d and e; if c propagated once per use, a.Grad would be counted twice over.
        var a = new Value(2.0);
        var b = new Value(5.0);
        var c = a * b;          // 10
        var d = c + c;          // 20, dd/dc = 2
        var e = c * 4.0;        // 40, de/dc = 4
        var f = d + e;          // df/dc = 6
        f.Backward();
        c.Grad.Should().Be(6.0);
        a.Grad.Should().Be(30.0); // 6 * b
        b.Grad.Should().Be(12.0); // 6 * a
    }

    [Fact]
    public void An_interior_node_used_twice_by_one_operation_propagates_once()
    {
        var a = new Value(0.5);
        var b = new Value(1.0);
        var c = a * b;      // 0.5
        var d = c * c;      // 0.25, dd/dc = 2c = 1
        var e = Value.Sum(d, d.Pow(2), d); // the same node twice in one n-ary operation; d(d²)/dd = 2d = 0.5
        e.Backward();
        c.Grad.Should().Be(1.0 * (2.0 + 0.5)); // every number here is exact in binary
        a.Grad.Should().Be(2.5 * 1.0);
        b.Grad.Should().Be(2.5 * 0.5);
    }

    [Fact]
    public void A_node_used_by_a_thousand_others_gets_the_sum_of_their_gradients()
    {
        var x = new Value(0.5);
        var terms = new List<Value>();
        for (int k = 1; k <= 1000; k++)
        {
            terms.Add(x * k); // d/dx = k
        }

        var total = terms[0];
        for (int k = 1; k < terms.Count; k++)
        {
            total += terms[k];
        }

        total.Backward();
        x.Grad.Should().Be(500500.0); // 1 + 2 + ... + 1000
    }

    [Fact]
    public void Reused_nodes_at_many_depths_match_TorchSharp()
    {
        // Each step reuses the previous two results, so early nodes are reached along exponentially many paths.
        var x = new Value(0.3);
        Value previous = x, current = x.Tanh();
        for (int i = 0; i < 60; i++)
        {
            (previous, current) = (current, (current * previous + current).Tanh());
        }

        current.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor tx = Torch.Scalar(0.3);
        Tensor tp = tx, tc = tx.tanh();
        for (int i = 0; i < 60; i++)
        {
            (tp, tc) = (tc, (tc * tp + tc).tanh());
        }

        tc.backward();
        current.Data.ShouldBeCloseTo(Torch.Data(tc), "data");
        x.Grad.ShouldBeCloseTo(Torch.Grad(tx), "x.Grad");
    }
}
