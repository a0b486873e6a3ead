using System.Numerics;

namespace Micrograd.Tests.Engine;

/// <summary>On .NET 8 and later a Value works in code written against the generic math operator interfaces.</summary>
public sealed class GenericMathTests
{
    private static T SumOfSquares<T>(IEnumerable<T> items)
        where T : IAdditionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IAdditiveIdentity<T, T>
    {
        T total = T.AdditiveIdentity;
        foreach (T item in items)
        {
            total += item * item;
        }

        return total;
    }

    [Fact]
    public void Generic_code_builds_a_graph_that_back_propagates()
    {
        var xs = new[] { new Value(1.0), new Value(-2.0), new Value(3.0) };
        Value total = SumOfSquares(xs);
        total.Backward();

        total.Data.Should().Be(SumOfSquares(new[] { 1.0, -2.0, 3.0 }));
        xs.Select(x => x.Grad).Should().Equal(2.0, -4.0, 6.0); // d(x²)/dx = 2x
    }
}
