using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>How modules are built, described and checked.</summary>
public sealed class ModuleTests
{
    [Fact]
    public void Parameters_come_in_a_stable_documented_order()
    {
        var model = new MLP(2, [3, 1], random: new Random(1));
        var expected = new List<Value>();
        foreach (Layer layer in model.Layers)
        {
            foreach (Neuron neuron in layer.Neurons)
            {
                expected.AddRange(neuron.Weights);
                expected.Add(neuron.Bias);
            }
        }

        model.Parameters().Should().Equal(expected);
        model.Parameters().Should().BeSameAs(model.Parameters(), "the same list is returned every time");
    }

    [Fact]
    public void The_demo_network_has_337_parameters()
    {
        // (2·16 + 16) + (16·16 + 16) + (16·1 + 1) = 48 + 272 + 17
        new MLP(2, [16, 16, 1]).Parameters().Should().HaveCount(337);
    }

    [Fact]
    public void The_same_seed_builds_the_same_network()
    {
        var first = new MLP(3, [4, 2], Activation.Relu, Activation.Linear, new Random(42));
        var second = new MLP(3, [4, 2], Activation.Relu, Activation.Linear, new Random(42));
        first.Parameters().Select(p => p.Data).Should().Equal(second.Parameters().Select(p => p.Data));
    }

    [Fact]
    public void Weights_start_uniform_in_minus_one_to_one_and_biases_at_zero()
    {
        var model = new MLP(10, [50, 50], random: new Random(8));
        var neurons = model.Layers.SelectMany(l => l.Neurons).ToList();
        neurons.Should().OnlyContain(n => n.Bias.Data == 0);
        var weights = neurons.SelectMany(n => n.Weights).Select(w => w.Data).ToList();
        weights.Should().OnlyContain(w => w >= -1 && w <= 1);
        weights.Min().Should().BeLessThan(-0.95);
        weights.Max().Should().BeGreaterThan(0.95);
    }

    [Fact]
    public void ToString_describes_the_architecture_as_micrograd_does()
    {
        var model = new MLP(2, [2, 1], Activation.Relu, Activation.Linear, new Random(1));
        model.ToString().Should().Be("MLP of [Layer of [ReluNeuron(2), ReluNeuron(2)], Layer of [LinearNeuron(2)]]");
        new Neuron(3).ToString().Should().Be("TanhNeuron(3)");
    }

    [Fact]
    public void The_defaults_are_the_lecture_s_tanh_everywhere()
    {
        var model = new MLP(3, 4, 4, 1);
        model.Layers.Select(l => l.Activation).Should().Equal(Activation.Tanh, Activation.Tanh, Activation.Tanh);
    }

    [Fact]
    public void A_neuron_computes_activation_of_weighted_sum_plus_bias()
    {
        var neuron = new Neuron(2, Activation.Tanh, new Random(3));
        neuron.Bias.Data = 6.8813735870195432;
        neuron.Weights[0].Data = -3.0;
        neuron.Weights[1].Data = 1.0;
        Value output = neuron.Forward(2.0, 0.0); // the lecture's neuron: tanh(2·-3 + 0·1 + 6.88…) = tanh(0.8813…)
        output.Data.Should().BeApproximately(Math.Sqrt(0.5), 1e-15);
        output.Backward();
        neuron.Weights[0].Grad.Should().BeApproximately(1.0, 1e-15);  // x1 · (1 − tanh²) = 2 · 0.5
        neuron.Weights[1].Grad.Should().Be(0.0);                      // x2 = 0
    }

    [Fact]
    public void Every_forward_overload_gives_the_same_result()
    {
        var model = new MLP(2, [3, 1], random: new Random(11));
        double fromArray = model.Forward(new[] { 0.5, -0.25 })[0].Data;
        double fromSpan = model.Forward((ReadOnlySpan<double>)[0.5, -0.25])[0].Data;
        double fromValues = model.Forward([new Value(0.5), new Value(-0.25)])[0].Data;
        fromSpan.Should().Be(fromArray);
        fromValues.Should().Be(fromArray);
    }

    [Fact]
    public void ZeroGrad_clears_every_parameter()
    {
        var model = new MLP(2, [3, 1], random: new Random(11));
        model.Forward(1.0, 1.0)[0].Backward();
        model.Parameters().Should().Contain(p => p.Grad != 0);
        model.ZeroGrad();
        model.Parameters().Should().OnlyContain(p => p.Grad == 0);
    }

    [Fact]
    public void A_wrong_input_length_says_expected_and_actual()
    {
        var model = new MLP(3, [2], random: new Random(1));
        Action act = () => model.Forward(1.0, 2.0);
        act.Should().Throw<ArgumentException>().WithParameterName("inputs").WithMessage("Expected 3 inputs but got 2.*");
        Action layer = () => model.Layers[0].Forward([new Value(1.0)]);
        layer.Should().Throw<ArgumentException>().WithMessage("Expected 3 inputs but got 1.*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_non_positive_size_is_out_of_range_with_its_value(int size)
    {
        Action neuron = () => _ = new Neuron(size);
        neuron.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs").Which.ActualValue.Should().Be(size);
        Action layer = () => _ = new Layer(2, size);
        layer.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outputs").Which.ActualValue.Should().Be(size);
        Action mlp = () => _ = new MLP(2, 3, size);
        mlp.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("layerSizes").Which.ActualValue.Should().Be(size);
    }

    [Fact]
    public void A_network_without_layers_is_rejected()
    {
        Action act = () => _ = new MLP(2);
        act.Should().Throw<ArgumentException>().WithParameterName("layerSizes");
    }

    [Fact]
    public void An_undefined_activation_is_out_of_range()
    {
        Action act = () => _ = new Layer(2, 2, (Activation)42);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("activation");
    }

    [Theory]
    [InlineData(Activation.Linear, 0.75)]
    [InlineData(Activation.Tanh, 0.6351489523872873)]   // tanh(0.75)
    [InlineData(Activation.Relu, 0.75)]
    [InlineData(Activation.Sigmoid, 0.679178699175393)] // 1 / (1 + e^-0.75)
    [InlineData(Activation.LeakyRelu, 0.75)]
    [InlineData(Activation.Gelu, 0.5799605551656203)]   // CPython: 0.5*x*(1+math.tanh(math.sqrt(2/math.pi)*(x+0.044715*x**3)))
    public void A_neuron_computes_each_activation(Activation activation, double expected)
    {
        var neuron = new Neuron(1, activation, new Random(1));
        neuron.Weights[0].Data = 1; // the output is activation(x)
        neuron.Forward(0.75).Data.Should().BeApproximately(expected, 1e-15);
        double atMinus = activation switch
        {
            Activation.Relu => 0.0,
            Activation.Sigmoid => 1 - expected,
            Activation.LeakyRelu => -0.0075,
            Activation.Gelu => -0.17003944483437966, // the same CPython expression at -0.75
            _ => -expected,
        };
        neuron.Forward(-0.75).Data.Should().BeApproximately(atMinus, 1e-15);
    }

    [Fact]
    public void Every_activation_is_tested_above() =>
        Enum.GetValues<Activation>().Should().HaveCount(6, "a new activation needs its row in A_neuron_computes_each_activation");
}
