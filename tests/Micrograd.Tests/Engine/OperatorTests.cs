using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Engine;

/// <summary>Every operator and function, value and gradients, against TorchSharp float64 over many inputs.</summary>
public sealed class OperatorTests
{
    [Fact] public void Add_matches_TorchSharp() => ReferenceCheck.Binary((a, b) => a + b, (a, b) => a + b);

    [Fact] public void Subtract_matches_TorchSharp() => ReferenceCheck.Binary((a, b) => a - b, (a, b) => a - b);

    [Fact] public void Multiply_matches_TorchSharp() => ReferenceCheck.Binary((a, b) => a * b, (a, b) => a * b);

    [Fact] public void Divide_matches_TorchSharp() => ReferenceCheck.Binary((a, b) => a / b, (a, b) => a / b);

    [Fact] public void Pow_with_a_value_exponent_matches_TorchSharp() => ReferenceCheck.Binary((a, b) => a.Pow(b), (a, b) => a.pow(b));

    [Fact] public void Named_equivalents_match_the_operators() =>
        ReferenceCheck.Binary(
            (a, b) => Value.Add(Value.Multiply(a, b), Value.Divide(Value.Subtract(a, b), Value.Negate(b))),
            (a, b) => a * b + (a - b) / -b);

    [Fact]
    public void Unary_plus_returns_the_same_value()
    {
        var a = new Value(2.5);
        (+a).Should().BeSameAs(a);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(0.5)]
    [InlineData(-1.0)]
    [InlineData(-2.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(-2.5)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Pow_with_a_constant_exponent_matches_TorchSharp(double exponent) =>
        ReferenceCheck.Unary(a => a.Pow(exponent), a => a.pow(exponent));

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(-0.5)]
    [InlineData(0.0)]
    public void LeakyRelu_matches_TorchSharp(double slope) =>
        ReferenceCheck.Unary(a => a.LeakyRelu(slope), a => torch.nn.functional.leaky_relu(a, slope));

    [Theory]
    [MemberData(nameof(UnaryOperations.Theory), MemberType = typeof(UnaryOperations))]
    public void Every_unary_operation_matches_TorchSharp(UnaryOperations.Entry entry) => ReferenceCheck.Unary(entry.Method, entry.Torch);

    [Fact]
    public void Max_and_Min_give_the_first_operand_at_a_tie_as_TorchSharp_does()
    {
        foreach ((double a, double b) in new[] { (0.0, -0.0), (-0.0, 0.0) })
        {
            using var scope = torch.NewDisposeScope();
            double torchMax = torch.maximum(Torch.Scalar(a), Torch.Scalar(b)).item<double>();
            double torchMin = torch.minimum(Torch.Scalar(a), Torch.Scalar(b)).item<double>();
            BitConverter.DoubleToInt64Bits(Value.Max(a, b).Data).Should().Be(BitConverter.DoubleToInt64Bits(torchMax));
            BitConverter.DoubleToInt64Bits(Value.Min(a, b).Data).Should().Be(BitConverter.DoubleToInt64Bits(torchMin));
        }
    }

    [Fact] public void Max_matches_TorchSharp_including_ties() => ReferenceCheck.Binary(Value.Max, torch.maximum);

    [Fact] public void Min_matches_TorchSharp_including_ties() => ReferenceCheck.Binary(Value.Min, torch.minimum);

    [Fact] public void Value_plus_double_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => a + c, (a, c) => a + c);

    [Fact] public void Double_plus_value_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => c + a, (a, c) => c + a);

    [Fact] public void Value_minus_double_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => a - c, (a, c) => a - c);

    [Fact] public void Double_minus_value_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => c - a, (a, c) => c - a);

    [Fact] public void Value_times_double_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => a * c, (a, c) => a * c);

    [Fact] public void Double_times_value_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => c * a, (a, c) => c * a);

    [Fact] public void Value_divided_by_double_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => a / c, (a, c) => a / c);

    // The constant becomes a leaf and divides, so the reference divides tensors too (TorchSharp's double / tensor
    // multiplies by the reciprocal, which differs for subnormal divisors).
    [Fact] public void Double_divided_by_value_matches_TorchSharp() => ReferenceCheck.WithConstant((a, c) => c / a, (a, c) => torch.tensor(c, dtype: torch.ScalarType.Float64) / a);

    [Fact] public void Implicit_conversion_from_double_makes_a_leaf_that_takes_part_in_the_graph() =>
        ReferenceCheck.WithConstant((a, c) => { Value k = c; return a * k + k; }, (a, c) => a * c + c);

    [Fact]
    public void Sum_matches_TorchSharp_including_repeated_inputs() =>
        ReferenceCheck.Binary(
            (a, b) => Value.Sum(a, b, a, a * b),
            (a, b) => torch.stack([a, b, a, a * b]).sum());

    [Fact]
    public void Dot_matches_TorchSharp_including_an_input_on_both_sides() =>
        ReferenceCheck.Binary(
            (a, b) => Value.Dot([a, b, a], [b, b.Tanh(), a]),
            (a, b) => torch.dot(torch.stack([a, b, a]), torch.stack([b, b.tanh(), a])),
            ReferenceCheck.Inputs); // TorchSharp adds in its own order, so huge terms that cancel are not compared here

    [Fact]
    public void Sum_and_Dot_add_left_to_right()
    {
        // Left to right: 1 + 1e300 rounds to 1e300, minus 1e300 gives exactly 0 (other orders give 1).
        Value[] terms = [new Value(1.0), new Value(1e300), new Value(-1e300)];
        Value.Sum(terms).Data.Should().Be(0.0);
        Value.Dot(terms, [new Value(1.0), new Value(1.0), new Value(1.0)]).Data.Should().Be(0.0);
    }

    [Fact]
    public void Dot_takes_slices_lists_and_arrays_and_keeps_its_own_copy()
    {
        Value[] vector = [new Value(1.0), new Value(2.0), new Value(3.0), new Value(4.0)];
        var slice = new ArraySegment<Value>(vector, 1, 2);      // 2, 3
        var list = new List<Value> { new Value(5.0), new Value(6.0) };
        Value dot = Value.Dot(slice, list);                      // 2*5 + 3*6
        vector[1] = new Value(100.0);
        list[0] = new Value(100.0);
        dot.Data.Should().Be(28.0);
        dot.Backward();
        dot.Inputs.Select(v => v.Data).Should().Equal(2.0, 3.0, 5.0, 6.0);
        dot.Inputs[0].Grad.Should().Be(5.0);
        FluentActions.Invoking(() => Value.Dot(new ArraySegment<Value>([new Value(1), null!]), list))
            .Should().Throw<ArgumentNullException>().WithParameterName("left");
    }

    [Fact]
    public void Sum_of_nothing_is_a_zero_leaf()
    {
        Value sum = Value.Sum();
        sum.Data.Should().Be(0.0);
        sum.IsLeaf.Should().BeTrue();
    }

    [Fact]
    public void Dot_of_different_lengths_names_both_lengths()
    {
        Action act = () => Value.Dot([new Value(1), new Value(2)], [new Value(3)]);
        act.Should().Throw<ArgumentException>().WithParameterName("right").WithMessage("*left has 2*right has 1*");
    }

    [Fact]
    public void Dot_of_two_empty_vectors_is_a_zero_leaf()
    {
        Value dot = Value.Dot([], []);
        dot.IsLeaf.Should().BeTrue();
        dot.Data.Should().Be(0.0);
    }
}
