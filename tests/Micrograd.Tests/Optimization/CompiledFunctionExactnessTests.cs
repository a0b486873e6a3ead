using static Micrograd.Tests.Optimization.TestFunctions;

namespace Micrograd.Tests.Optimization;

/// <summary>
/// <see cref="CompiledFunction.Evaluate(ReadOnlySpan{double}, Span{double})"/>: a replay gives what building the graph
/// again and back-propagating gives, bit for bit, wherever the kinks fall and whatever the numbers.
/// </summary>
public sealed class CompiledFunctionExactnessTests
{
    [Fact]
    public void Evaluate_equals_a_rebuild_bit_for_bit_at_100_points_where_every_kink_changes_side()
    {
        CompiledFunction f = Gradients.Compile(Kinked, KinkedStart);
        var random = new Random(23);
        List<double[]> points = [.. Enumerable.Range(0, 90).Select(_ => RandomPoint(random, 4, 3))];
        // And points exactly on each kink: v0·v1 = 0, v1 = v2, v2 = v3/2, v0 = v3 (ties, where Max and Min choose).
        points.AddRange([[0.0, 1.5, -1.0, 2.0], [-0.5, 0.0, 1.0, 1.0], [1.0, 0.25, 0.25, -2.0], [-1.0, 0.7, 0.7, 0.3],
            [1.5, -2.0, 1.0, 2.0], [2.0, 1.0, -0.5, -1.0], [-0.75, 2.0, 0.5, -0.75], [0.6, -0.2, 1.1, 0.6], [-0.0, -0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]);

        var gradient = new double[4];
        var failures = new List<string>();
        foreach (double[] point in points)
        {
            double value = f.Evaluate(point, gradient);
            (double expectedValue, double[] expectedGradient) = Rebuild(Kinked, point);
            if (!Same(value, expectedValue) || !gradient.Zip(expectedGradient).All(pair => Same(pair.First, pair.Second)))
            {
                failures.Add($"at ({string.Join(", ", point)}): {value} [{string.Join(", ", gradient)}] vs {expectedValue} [{string.Join(", ", expectedGradient)}]");
            }
        }

        failures.Should().BeEmpty();
        // The points leave the compile point's side of every kink, so the replay really had to decide again.
        points.Select(KinkSides).Should().Contain(sides => !sides.Item1).And.Contain(sides => !sides.Item2)
            .And.Contain(sides => !sides.Item3).And.Contain(sides => !sides.Item4);
    }

    [Fact]
    public void The_value_alone_equals_a_rebuild_bit_for_bit()
    {
        CompiledFunction f = Gradients.Compile(Kinked, KinkedStart);
        var random = new Random(5);
        for (int k = 0; k < 100; k++)
        {
            double[] point = RandomPoint(random, 4, 3);
            Same(f.Evaluate(point), Rebuild(Kinked, point).Value).Should().BeTrue($"at ({string.Join(", ", point)})");
        }
    }

    [Fact]
    public void The_Rosenbrock_gradient_in_1000_dimensions_matches_the_gradient_written_by_hand()
    {
        var random = new Random(1000);
        CompiledFunction f = Gradients.Compile(Rosenbrock, RandomPoint(random, 1000, 2));
        var gradient = new double[1000];
        for (int k = 0; k < 20; k++)
        {
            double[] point = RandomPoint(random, 1000, 2);
            double value = f.Evaluate(point, gradient);
            (double expectedValue, double[] expectedGradient) = RosenbrockByHand(point);

            // The same formulas evaluated in a different order: equal to rounding (terms reach about 4e3).
            value.Should().BeApproximately(expectedValue, 1e-12 * expectedValue);
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i].Should().BeApproximately(expectedGradient[i], 1e-9, $"coordinate {i} of point {k}");
            }
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_point_with_NaN_or_an_infinity_gives_what_a_rebuild_gives(double special)
    {
        CompiledFunction kinked = Gradients.Compile(Kinked, KinkedStart);
        CompiledFunction rosenbrock = Gradients.Compile(Rosenbrock, [0.5, 0.5, 0.5]);
        var gradient4 = new double[4];
        var gradient3 = new double[3];
        for (int i = 0; i < 4; i++)
        {
            double[] point = [0.5, -1.5, 2.0, 0.25];
            point[i] = special;
            double value = kinked.Evaluate(point, gradient4);
            (double expectedValue, double[] expectedGradient) = Rebuild(Kinked, point);
            Same(value, expectedValue).Should().BeTrue($"the value with coordinate {i} = {special}: {value} vs {expectedValue}");
            gradient4.Zip(expectedGradient).Should().OnlyContain(pair => Same(pair.First, pair.Second), $"coordinate {i} = {special}");

            if (i < 3)
            {
                double[] r = [1.5, -0.5, 2.0];
                r[i] = special;
                double rv = rosenbrock.Evaluate(r, gradient3);
                (double rExpected, double[] rGradient) = Rebuild(Rosenbrock, r);
                Same(rv, rExpected).Should().BeTrue();
                gradient3.Zip(rGradient).Should().OnlyContain(pair => Same(pair.First, pair.Second));
            }
        }

        // And back to ordinary numbers: nothing of the NaN or infinity stays behind.
        kinked.Evaluate(KinkedStart, gradient4).Should().Be(Rebuild(Kinked, KinkedStart).Value);
        gradient4.Should().Equal(Rebuild(Kinked, KinkedStart).Gradient);
    }

    [Fact]
    public void Control_flow_that_reads_Data_is_frozen_at_the_compile_point_and_MatchesRebuild_says_where()
    {
        // |x| written with an if: at the compile point x > 0, so the graph is x itself, everywhere.
        CompiledFunction f = Gradients.Compile(v => v[0].Data > 0 ? v[0] * 3 : -v[0] * 3, [1.0]);
        var gradient = new double[1];

        f.Evaluate([-2.0], gradient).Should().Be(-6, "the traced branch is 3x, which a rebuild at -2 would not take");
        gradient[0].Should().Be(3);
        f.MatchesRebuild([2.0]).Should().BeTrue();
        f.MatchesRebuild([-2.0]).Should().BeFalse();

        // Written with the graph's own Abs, the choice is made again at each point.
        CompiledFunction g = Gradients.Compile(v => v[0].Abs() * 3, [1.0]);
        g.Evaluate([-2.0], gradient).Should().Be(6);
        gradient[0].Should().Be(-3);
        g.MatchesRebuild([-2.0]).Should().BeTrue();
    }

    [Fact]
    public void MatchesRebuild_counts_a_NaN_on_one_side_only_as_a_difference()
    {
        // Both branches have the gradient -1 at x = -1; only the values differ, and one of them is NaN.
        CompiledFunction logFrozen = Gradients.Compile(v => v[0].Data > 0 ? v[0].Log() : -v[0], [1.0]);
        logFrozen.MatchesRebuild([-1.0]).Should().BeFalse("the replay gives log(-1) = NaN where a rebuild gives 1");

        CompiledFunction negateFrozen = Gradients.Compile(v => v[0].Data > 0 ? -v[0] : v[0].Log(), [1.0]);
        negateFrozen.MatchesRebuild([-1.0]).Should().BeFalse("the replay gives 1 where a rebuild gives log(-1) = NaN");
    }

    [Fact]
    public void MatchesRebuild_compares_the_gradient_as_well_as_the_value()
    {
        // At 0 both branches give 0, but the traced branch x·x has the slope 0 and a rebuild's 3x the slope 3.
        CompiledFunction f = Gradients.Compile(v => v[0].Data > 0 ? v[0] * v[0] : v[0] * 3, [1.0]);
        f.MatchesRebuild([0.0]).Should().BeFalse();
    }

    [Fact]
    public void MatchesRebuild_holds_at_random_points_for_a_function_without_control_flow()
    {
        CompiledFunction f = Gradients.Compile(Kinked, KinkedStart);
        var random = new Random(7);
        for (int k = 0; k < 20; k++)
        {
            f.MatchesRebuild(RandomPoint(random, 4, 3)).Should().BeTrue();
        }
    }

    [Fact]
    public void Values_the_function_captures_are_read_at_each_call_and_keep_their_gradients()
    {
        var scale = new Value(3.0) { Grad = 7 };
        CompiledFunction f = Gradients.Compile(v => scale * v[0] * v[0], [1.0]);
        var gradient = new double[1];

        f.Evaluate([2.0], gradient).Should().Be(12);
        gradient[0].Should().Be(12);
        scale.Grad.Should().Be(7, "a replay leaves the gradient of a value it did not receive as an input alone");

        scale.Data = 5;
        f.Evaluate([2.0], gradient).Should().Be(20);
        gradient[0].Should().Be(20);
        scale.Grad.Should().Be(7);
    }

    [Fact]
    public void A_function_that_returns_a_captured_value_leaves_its_gradient_alone()
    {
        var captured = new Value(2.5) { Grad = 7 };
        CompiledFunction f = Gradients.Compile(_ => captured, [0.0]);
        var gradient = new double[1];

        f.Evaluate([4.0], gradient).Should().Be(2.5);
        gradient.Should().Equal(0);
        captured.Grad.Should().Be(7);
    }

    [Fact]
    public void Compiling_a_function_changes_no_gradient_of_the_values_it_captures()
    {
        var weight = new Value(3.0) { Grad = 5 };
        Value scaled = weight * 2.0;
        scaled.Grad = 11; // an interior value, as if a backward pass had reached it

        Gradients.Compile(v => scaled * v[0], [1.0]);

        weight.Grad.Should().Be(5);
        scaled.Grad.Should().Be(11);
    }

    [Fact]
    public void ToString_gives_the_number_of_inputs_and_of_values_computed()
    {
        // x·y + x computes two values, the product and the sum; the inputs are leaves.
        Gradients.Compile(v => v[0] * v[1] + v[0], [1.0, 2.0]).ToString().Should().Be("CompiledFunction(2 inputs, 2 values)");
        Gradients.Compile(v => v[0].Exp(), [1.0]).ToString().Should().Be("CompiledFunction(1 input, 1 value)");
    }

    [Fact]
    public void A_function_that_returns_one_of_its_inputs_or_a_constant_has_the_obvious_gradient()
    {
        var gradient = new double[2];
        Gradients.Compile(v => v[1], [0.0, 0.0]).Evaluate([4.0, 5.0], gradient).Should().Be(5);
        gradient.Should().Equal(0, 1);

        Gradients.Compile(_ => new Value(2.5), [0.0, 0.0]).Evaluate([4.0, 5.0], gradient).Should().Be(2.5);
        gradient.Should().Equal(0, 0);
    }

    [Fact]
    public void Compiling_calls_the_function_once_and_evaluating_never_calls_it()
    {
        int calls = 0;
        CompiledFunction f = Gradients.Compile(v => { calls++; return v[0] * v[1]; }, [1.0, 2.0]);
        var gradient = new double[2];
        for (int k = 0; k < 10; k++)
        {
            f.Evaluate([k, 2.0 * k], gradient);
        }

        calls.Should().Be(1);
        f.InputCount.Should().Be(2);
    }
}
