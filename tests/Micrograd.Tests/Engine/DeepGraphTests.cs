namespace Micrograd.Tests.Engine;

/// <summary>
/// Nothing in building the order or propagating may recurse: in .NET a stack overflow cannot be caught and ends
/// the process. These chains are far deeper than any thread's stack could follow recursively.
/// </summary>
public sealed class DeepGraphTests
{
    private const int Depth = 10_000_000;

    [Fact]
    public void Backward_through_a_chain_ten_million_deep_gives_exact_gradients()
    {
        // y = x * c * c * ... * c (c used ten million times). With x = 1.5 and c = 1:
        // dy/dx = c^N = 1 and dy/dc = N * x * c^(N - 1) = 1.5e7, both exact in double precision.
        var x = new Value(1.5);
        var c = new Value(1.0);
        Value y = x;
        for (int i = 0; i < Depth; i++)
        {
            y *= c;
        }

        y.Backward();

        y.Data.Should().Be(1.5);
        x.Grad.Should().Be(1.0);
        c.Grad.Should().Be(1.5e7);
    }

    [Fact]
    public void Backward_through_ten_million_alternating_unary_operations_is_exact()
    {
        // Negating an even number of times gives back x: dy/dx = (-1)^N = 1.
        var x = new Value(-2.25);
        Value y = x;
        for (int i = 0; i < Depth; i++)
        {
            y = -y;
        }

        y.Backward();
        y.Data.Should().Be(-2.25);
        x.Grad.Should().Be(1.0);
    }
}
