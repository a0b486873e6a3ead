using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>
/// What neurons, layers, networks, losses and optimizers compute, on small cases whose results are known exactly
/// (the arithmetic is in the comments; the transcendental values are CPython's).
/// </summary>
public sealed class ModuleBehaviourTests
{
    [Fact]
    public void A_second_backward_through_a_neuron_adds_to_every_gradient()
    {
        // w = (0.5, -0.25), b = 0.125, x = (2, 4): w·x + b = 1 − 1 + 0.125 = 0.125; Linear, so d/dw = x and d/db = 1.
        var neuron = new Neuron(2, Activation.Linear, new Random(1));
        neuron.Weights[0].Data = 0.5;
        neuron.Weights[1].Data = -0.25;
        neuron.Bias.Data = 0.125;
        Value output = neuron.Forward(2.0, 4.0);
        output.Data.Should().Be(0.125);

        output.Backward();
        output.Backward();

        neuron.Bias.Grad.Should().Be(2.0, "each backward pass adds 1 to the bias");
        neuron.Weights[0].Grad.Should().Be(4.0);
        neuron.Weights[1].Grad.Should().Be(8.0);
    }

    [Fact]
    public void Backward_through_two_forward_passes_of_a_layer_accumulates_both()
    {
        // Tanh neurons with zero weights and bias: output tanh(0) = 0, local derivative 1 − 0² = 1.
        var layer = new Layer(2, 2, Activation.Tanh, new Random(1));
        foreach (Value p in layer.Parameters())
        {
            p.Data = 0.0;
        }

        layer.Forward(1.0, 3.0)[1].Backward();
        layer.Forward(-2.0, 5.0)[1].Backward();

        layer.Neurons[1].Bias.Grad.Should().Be(2.0);
        layer.Neurons[1].Weights.Select(w => w.Grad).Should().Equal(-1.0, 8.0);   // (1 − 2, 3 + 5)
        layer.Neurons[0].Parameters().Should().OnlyContain(p => p.Grad == 0.0, "neuron 0 was not on either path");
    }

    [Theory]
    [InlineData(Activation.Linear, 0.75)]
    [InlineData(Activation.Relu, 0.75)]
    [InlineData(Activation.Tanh, 0.6351489523872873)]    // math.tanh(0.75)
    [InlineData(Activation.Sigmoid, 0.679178699175393)]  // 1/(1+math.exp(-0.75))
    public void Every_forward_overload_of_a_neuron_computes_activation_of_w_x_plus_b(Activation activation, double expected)
    {
        // w = (1.5, -0.5), b = 0.25, x = (0.5, 0.5): 0.75 − 0.25 + 0.25 = 0.75.
        var neuron = new Neuron(2, activation, new Random(1));
        neuron.Weights[0].Data = 1.5;
        neuron.Weights[1].Data = -0.5;
        neuron.Bias.Data = 0.25;

        neuron.Forward(0.5, 0.5).Data.Should().BeApproximately(expected, 1e-15);
        neuron.Forward((ReadOnlySpan<double>)[0.5, 0.5]).Data.Should().BeApproximately(expected, 1e-15);
        neuron.Forward([new Value(0.5), new Value(0.5)]).Data.Should().BeApproximately(expected, 1e-15);
        neuron.Activation.Should().Be(activation);
        neuron.Parameters().Should().Equal(neuron.Weights[0], neuron.Weights[1], neuron.Bias);
    }

    [Fact]
    public void Every_forward_overload_of_a_layer_gives_one_output_per_neuron()
    {
        // Neuron k has weights (k, 1) and bias −k, Linear: output = k·x₀ + x₁ − k = k·(x₀ − 1) + x₁ = 2k + 1 at x = (3, 1).
        var layer = new Layer(2, 3, Activation.Linear, new Random(1));
        for (int k = 0; k < 3; k++)
        {
            layer.Neurons[k].Weights[0].Data = k;
            layer.Neurons[k].Weights[1].Data = 1.0;
            layer.Neurons[k].Bias.Data = -k;
        }

        layer.Forward(3.0, 1.0).Select(v => v.Data).Should().Equal(1.0, 3.0, 5.0);
        layer.Forward((ReadOnlySpan<double>)[3.0, 1.0]).Select(v => v.Data).Should().Equal(1.0, 3.0, 5.0);
        layer.Forward([new Value(3.0), new Value(1.0)]).Select(v => v.Data).Should().Equal(1.0, 3.0, 5.0);
        (layer.InputCount, layer.OutputCount, layer.Activation).Should().Be((2, 3, Activation.Linear));
    }

    [Fact]
    public void A_network_feeds_each_layer_s_outputs_to_the_next()
    {
        // Layer 0: 2 → 3 Relu neurons computing (x₀, x₁, −x₀ − x₁); layer 1: one Linear neuron summing them, plus 1.
        // At x = (2, −3): Relu gives (2, 0, 1), so the output is 2 + 0 + 1 + 1 = 4.
        var model = new MLP(2, [3, 1], Activation.Relu, Activation.Linear, new Random(1));
        double[][] first = [[1, 0], [0, 1], [-1, -1]];
        for (int k = 0; k < 3; k++)
        {
            model.Layers[0].Neurons[k].Weights[0].Data = first[k][0];
            model.Layers[0].Neurons[k].Weights[1].Data = first[k][1];
            model.Layers[0].Neurons[k].Bias.Data = 0.0;
            model.Layers[1].Neurons[0].Weights[k].Data = 1.0;
        }

        model.Layers[1].Neurons[0].Bias.Data = 1.0;

        model.Forward(2.0, -3.0).Select(v => v.Data).Should().Equal(4.0);
        model.Forward((ReadOnlySpan<double>)[2.0, -3.0]).Select(v => v.Data).Should().Equal(4.0);
        model.Forward([new Value(2.0), new Value(-3.0)]).Select(v => v.Data).Should().Equal(4.0);
        (model.InputCount, model.OutputCount).Should().Be((2, 1));
        model.Layers.Select(l => (l.InputCount, l.OutputCount)).Should().Equal((2, 3), (3, 1));
    }

    [Fact]
    public void A_network_s_output_count_is_its_last_layer_s()
    {
        var model = new MLP(4, [3, 5, 2], random: new Random(1));
        (model.InputCount, model.OutputCount).Should().Be((4, 2));
        model.Forward(1.0, 2.0, 3.0, 4.0).Should().HaveCount(2);
    }

    [Fact]
    public void Modules_without_a_random_source_still_draw_different_weights_in_minus_one_to_one()
    {
        IReadOnlyList<Value>[] parameters =
        [
            new Neuron(64).Weights,
            new Layer(8, 8).Parameters().Where((_, i) => i % 9 != 8).ToList(),
            new MLP(8, [8]).Parameters().Where((_, i) => i % 9 != 8).ToList(),
        ];
        foreach (IReadOnlyList<Value> weights in parameters)
        {
            weights.Select(w => w.Data).Should().OnlyContain(w => w >= -1 && w <= 1)
                .And.OnlyHaveUniqueItems().And.Contain(w => w < 0).And.Contain(w => w > 0);
        }
    }

    [Fact]
    public void Hinge_with_labels_plus_and_minus_one_builds_no_multiplication()
    {
        // The demo's labels are ±1: their margins are 1 − score and 1 + score, one node each.
        var up = new Value(0.25);
        var down = new Value(0.5);
        Value loss = Losses.Hinge([up, down], [1.0, -1.0]);
        loss.Data.Should().Be(1.125);   // (0.75 + 1.5) / 2

        var margins = loss.Inputs.Single(i => i.Operator == "sum").Inputs.Select(term => term.Inputs[0]).ToList();
        margins[0].Operator.Should().Be("-");
        margins[0].Inputs[1].Should().BeSameAs(up);
        margins[1].Operator.Should().Be("+");
        margins[1].Inputs[1].Should().BeSameAs(down);
    }

    [Fact]
    public void L2_is_strength_times_the_sum_of_squares_and_its_gradient_twice_strength_times_p()
    {
        Value[] parameters = [new(3.0), new(-4.0)];
        Value penalty = Losses.L2(parameters, 0.5);
        penalty.Data.Should().Be(12.5);   // 0.5 × (9 + 16)
        penalty.Backward();
        parameters.Select(p => p.Grad).Should().Equal(3.0, -4.0);   // 2 × 0.5 × p
    }

    [Fact]
    public void Plain_sgd_ignores_momentum_state_so_an_infinite_gradient_does_not_poison_later_steps()
    {
        // With momentum 0 there is no velocity (as in torch.optim.SGD): after an infinite gradient the next finite
        // step is simply p − lr × g, not NaN from 0 × ∞.
        var p = new Value(1.0);
        var optimizer = new Sgd([p], learningRate: 0.5);
        p.Grad = double.PositiveInfinity;
        optimizer.Step();
        p.Data.Should().Be(double.NegativeInfinity);
        p.Data = 1.0;
        p.Grad = 2.0;
        optimizer.Step();
        p.Data.Should().Be(0.0);   // 1 − 0.5 × 2
    }

    [Fact]
    public void Sgd_momentum_starts_from_the_first_gradient_and_then_accumulates()
    {
        // lr = 1, momentum = 0.5, gradient 1 every step: v = 1, 1.5, 1.75; p = 10 − 1 − 1.5 − 1.75 = 5.75.
        var p = new Value(10.0);
        var optimizer = new Sgd([p], learningRate: 1.0, momentum: 0.5);
        double[] expected = [9.0, 7.5, 5.75];
        foreach (double after in expected)
        {
            p.Grad = 1.0;
            optimizer.Step();
            p.Data.Should().Be(after);
        }
    }

    [Fact]
    public void Sgd_weight_decay_adds_decay_times_p_to_the_gradient()
    {
        // g = 1 + 0.5 × 4 = 3; p = 4 − 0.25 × 3 = 3.25.
        var p = new Value(4.0) { Grad = 1.0 };
        new Sgd([p], learningRate: 0.25, weightDecay: 0.5).Step();
        p.Data.Should().Be(3.25);
    }
}
