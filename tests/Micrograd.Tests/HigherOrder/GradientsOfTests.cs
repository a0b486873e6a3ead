namespace Micrograd.Tests.HigherOrder;

/// <summary>What <see cref="Gradients.Of"/> promises beyond the numbers: it leaves <see cref="Value.Grad"/> alone, it answers for any input, and its arguments are checked.</summary>
public sealed class GradientsOfTests
{
    [Fact]
    public void Never_reads_or_writes_any_Grad()
    {
        var x = new Value(0.5);
        var y = new Value(-1.5);
        Value hidden = (x * y).Tanh();
        Value output = hidden + x.Pow(3);
        x.Grad = 7;
        y.Grad = -3;
        hidden.Grad = 11;
        output.Grad = 13;

        IReadOnlyList<Value> first = Gradients.Of(output, [x, y]);
        IReadOnlyList<Value> graph = Gradients.Of(output, [x, y], createGraph: true);
        Gradients.Of(graph[0], [x, y], createGraph: true);

        (x.Grad, y.Grad, hidden.Grad, output.Grad).Should().Be((7, -3, 11, 13));

        // d/dx = y (1 - tanh²(xy)) + 3x², d/dy = x (1 - tanh²(xy)), whatever the gradients held
        double t = Math.Tanh(-0.75);
        first[0].Data.Should().Be(-1.5 * (1 - t * t) + 3 * 0.25);
        first[1].Data.Should().Be(0.5 * (1 - t * t));
    }

    [Fact]
    public void An_input_the_output_does_not_depend_on_gets_zero_at_every_order()
    {
        var x = new Value(2.0);
        var unrelated = new Value(5.0);
        Value output = x * x;

        Gradients.Of(output, [unrelated])[0].Data.Should().Be(0);
        Value zero = Gradients.Of(output, [unrelated], createGraph: true)[0];
        zero.Data.Should().Be(0);
        Gradients.Of(zero, [x, unrelated]).Select(d => d.Data).Should().Equal(0, 0);
    }

    [Fact]
    public void Differentiates_with_respect_to_interior_values()
    {
        var x = new Value(0.25);
        Value u = x * 3;       // 0.75
        Value output = u * u + u;

        // d/du (u² + u) = 2u + 1; d/dx = 3 (2u + 1)
        IReadOnlyList<Value> gradients = Gradients.Of(output, [u, x]);
        gradients[0].Data.Should().Be(2.5);
        gradients[1].Data.Should().Be(7.5);
    }

    [Fact]
    public void The_derivative_of_an_output_with_respect_to_itself_is_one()
    {
        var x = new Value(3.0);
        Value output = x.Exp();
        Gradients.Of(output, [output])[0].Data.Should().Be(1);
        Gradients.Of(x, [x])[0].Data.Should().Be(1);
    }

    [Fact]
    public void Without_createGraph_the_results_are_new_leaves_with_no_inputs()
    {
        var x = new Value(3.0);
        IReadOnlyList<Value> gradients = Gradients.Of(x * x, [x]);
        gradients[0].Inputs.Should().BeEmpty();
        gradients[0].Data.Should().Be(6);
        gradients.Should().NotContain(x);
    }

    [Fact]
    public void With_createGraph_the_results_depend_on_the_same_leaves()
    {
        var x = new Value(3.0);
        Value gradient = Gradients.Of(x * x * x, [x], createGraph: true)[0]; // 3x²
        gradient.Data.Should().Be(27);
        gradient.Inputs.Should().NotBeEmpty();

        gradient.Backward();
        x.Grad.Should().Be(18); // 6x: Backward works on a derivative's graph too
    }

    [Fact]
    public void Fourth_derivative_of_x_to_the_fourth_is_24()
    {
        var x = new Value(1.5);
        double[] derivatives = Successive.Derivatives(x.Pow(4), x, 5);

        // 4x³, 12x², 24x, 24, 0 at x = 1.5, exactly representable
        derivatives.Should().Equal(13.5, 27, 36, 24, 0);
    }

    [Fact]
    public void Every_derivative_of_exp_is_exp_itself_bit_for_bit()
    {
        foreach (double point in new[] { -3.25, 0.0, 0.7, 20.5 })
        {
            var x = new Value(point);
            Successive.Derivatives(x.Exp(), x, 6).Should().AllSatisfy(d => d.Should().Be(Math.Exp(point)));
        }
    }

    [Fact]
    public void Derivatives_of_sin_cycle_through_cos_minus_sin_minus_cos_sin()
    {
        const double point = 0.9;
        var x = new Value(point);
        double[] derivatives = Successive.Derivatives(x.Sin(), x, 4);
        derivatives.Should().Equal(Math.Cos(point), -Math.Sin(point), -Math.Cos(point), Math.Sin(point));
    }

    [Fact]
    public void Integer_powers_of_negative_and_zero_bases_have_exact_derivatives_through_a_value_exponent()
    {
        // a^b with b a value: ∂/∂a = b a^(b-1), ∂²/∂a² = b (b-1) a^(b-2), ∂³/∂a³ = b (b-1) (b-2) a^(b-3)
        foreach ((double a, double[] expected) in new[] { (-2.0, new[] { 12.0, -12.0, 6.0 }), (0.0, new[] { 0.0, 0.0, 6.0 }) })
        {
            var x = new Value(a);
            var b = new Value(3.0);
            Value current = x.Pow(b);
            var derivatives = new List<double>();
            for (int n = 0; n < 3; n++)
            {
                current = Gradients.Of(current, [x], createGraph: true)[0];
                derivatives.Add(current.Data);
            }

            derivatives.Should().Equal(expected, $"the base is {a}");
        }
    }

    [Fact]
    public void ReLU_has_second_derivative_zero_on_both_sides_of_the_kink()
    {
        foreach (double point in new[] { -1.0, 0.0, 2.0 })
        {
            var x = new Value(point);
            double[] derivatives = Successive.Derivatives(x.Relu() * x.Relu(), x, 3); // x² for x > 0, else 0
            derivatives.Should().Equal(point > 0 ? [2 * point, 2, 0] : [0, 0, 0]);
        }
    }

    [Fact]
    public void Derivative_graphs_have_no_needless_nodes_for_one_times_a_value_or_zero_plus_a_value()
    {
        var x = new Value(1.5);
        var y = new Value(-2.0);

        // ∂(xy)/∂x is y itself: the seed's 1 · y, and adding it to a gradient that has nothing yet, build no node.
        Gradients.Of(x * y, [x], createGraph: true)[0].Should().BeSameAs(y);

        // ∂(|x| · x)/∂x = |x| + x · sign(x), where sign(x) is the number 1 on the right of the upstream gradient x.
        Value abs = x.Abs();
        Value derivative = Gradients.Of(abs * x, [x], createGraph: true)[0];
        derivative.Operator.Should().Be("+");
        derivative.Inputs.Should().HaveCount(2).And.OnlyContain(input => ReferenceEquals(input, abs) || ReferenceEquals(input, x));
        derivative.Data.Should().Be(3.0);
    }

    [Fact]
    public void A_lone_negative_zero_contribution_gives_positive_zero_as_Backward_does()
    {
        var x = new Value(3.0);
        Value output = x * new Value(-0.0); // ∂/∂x = 1 · (−0) = −0, the only contribution

        output.Backward(); // adds −0 to a zeroed gradient: 0 + (−0) = +0
        double viaGradients = Gradients.Of(output, [x])[0].Data;

        double.IsNegative(x.Grad).Should().BeFalse();
        BitConverter.DoubleToInt64Bits(viaGradients).Should().Be(BitConverter.DoubleToInt64Bits(x.Grad));
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var x = new Value(1.0);
        FluentActions.Invoking(() => Gradients.Of(null!, [x])).Should().Throw<ArgumentNullException>().WithParameterName("output");
        FluentActions.Invoking(() => Gradients.Of(x, null!)).Should().Throw<ArgumentNullException>().WithParameterName("inputs");
    }

    [Fact]
    public void A_null_input_is_refused_with_its_index()
    {
        var x = new Value(1.0);
        FluentActions.Invoking(() => Gradients.Of(x * x, [x, null!]))
            .Should().Throw<ArgumentNullException>().WithParameterName("inputs")
            .WithMessage("inputs[1] is null. (Parameter 'inputs')");
    }

    [Fact]
    public void An_empty_list_of_inputs_gives_an_empty_list()
    {
        var x = new Value(1.0);
        Gradients.Of(x * x, []).Should().BeEmpty();
    }

    [Fact]
    public void A_deep_chain_is_differentiated_twice_without_recursion()
    {
        var x = new Value(1.0);
        Value current = x;
        for (int i = 0; i < 100_000; i++)
        {
            current = current * 1.0 + 0.0;
        }

        Value first = Gradients.Of(current * current, [x], createGraph: true)[0]; // 2x
        first.Data.Should().Be(2);
        Gradients.Of(first, [x])[0].Data.Should().Be(2);
    }
}
