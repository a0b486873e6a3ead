using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>
/// Every argument check of Micrograd.Nn: the exception type, the parameter it names, the value it reports and its
/// message; and the edge of each range, which is accepted.
/// </summary>
public sealed class NnArgumentTests
{
    private static readonly Value Some = new(1.0);

    public static TheoryData<string, Action, string> NullArguments => new()
    {
        { "Sgd(null)", () => _ = new Sgd(null!, 0.1), "parameters" },
        { "Adam(null)", () => _ = new Adam(null!), "parameters" },
        { "Neuron.Forward(null list)", () => new Neuron(2).Forward((IReadOnlyList<Value>)null!), "inputs" },
        { "Neuron.Forward(null array)", () => new Neuron(2).Forward((double[])null!), "inputs" },
        { "Neuron.Forward(list with null)", () => new Neuron(2).Forward([Some, null!]), "inputs" },
        { "Layer.Forward(null list)", () => new Layer(2, 2).Forward((IReadOnlyList<Value>)null!), "inputs" },
        { "Layer.Forward(null array)", () => new Layer(2, 2).Forward((double[])null!), "inputs" },
        { "MLP.Forward(null list)", () => new MLP(2, 1).Forward((IReadOnlyList<Value>)null!), "inputs" },
        { "MLP.Forward(null array)", () => new MLP(2, 1).Forward((double[])null!), "inputs" },
        { "MLP(inputs, null)", () => _ = new MLP(2, (IReadOnlyList<int>)null!), "layerSizes" },
        { "MeanSquaredError(null, ...)", () => Losses.MeanSquaredError(null!, [1.0]), "predictions" },
        { "MeanSquaredError(..., null)", () => Losses.MeanSquaredError([Some], null!), "targets" },
        { "Hinge(null, ...)", () => Losses.Hinge(null!, [1.0]), "scores" },
        { "Hinge(..., null)", () => Losses.Hinge([Some], null!), "labels" },
        { "BinaryCrossEntropyWithLogits(null, ...)", () => Losses.BinaryCrossEntropyWithLogits(null!, [1.0]), "logits" },
        { "BinaryCrossEntropyWithLogits(..., null)", () => Losses.BinaryCrossEntropyWithLogits([Some], null!), "targets" },
        { "SoftmaxCrossEntropy(null, 0)", () => Losses.SoftmaxCrossEntropy((IReadOnlyList<Value>)null!, 0), "logits" },
        { "SoftmaxCrossEntropy(null batch, ...)", () => Losses.SoftmaxCrossEntropy(null!, [0]), "logits" },
        { "SoftmaxCrossEntropy(batch, null)", () => Losses.SoftmaxCrossEntropy([[Some]], null!), "targets" },
        { "L2(null)", () => Losses.L2(null!, 1.0), "parameters" },
        { "L2 with a null parameter", () => Losses.L2([Some, null!], 1.0), "parameters" },
        { "MLP.Save(null stream)", () => new MLP(2, 1).Save((Stream)null!), "stream" },
        { "MLP.Save(null path)", () => new MLP(2, 1).Save((string)null!), "path" },
        { "MLP.Load(null stream)", () => MLP.Load((Stream)null!), "stream" },
        { "MLP.Load(null path)", () => MLP.Load((string)null!), "path" },
    };

    [Theory]
    [MemberData(nameof(NullArguments))]
    public void A_null_argument_throws_ArgumentNullException_naming_it(string call, Action act, string parameter)
    {
        act.Should().Throw<ArgumentNullException>(call).WithParameterName(parameter);
    }

    [Fact]
    public void A_null_parameter_in_an_optimizer_s_list_is_named_by_its_index()
    {
        Action act = () => _ = new Sgd([Some, Some, null!], 0.1);
        act.Should().Throw<ArgumentNullException>().WithParameterName("parameters").WithMessage("Parameter 2 is null.*");
    }

    [Fact]
    public void An_optimizer_copies_its_parameter_list()
    {
        var a = new Value(1.0) { Grad = 1.0 };
        var b = new Value(2.0) { Grad = 1.0 };
        var list = new List<Value> { a };
        var optimizer = new Sgd(list, learningRate: 0.5);
        list[0] = b;
        list.Add(b);

        optimizer.Parameters.Should().Equal(a);
        optimizer.Step();
        a.Data.Should().Be(0.5);  // 1 − 0.5 × 1
        b.Data.Should().Be(2.0, "a value added to the list afterwards is not the optimizer's");
    }

    [Fact]
    public void A_learning_rate_of_exactly_zero_is_allowed_and_changes_nothing()
    {
        var w = new Value(3.0) { Grad = 5.0 };
        var sgd = new Sgd([w], learningRate: 0.0);
        sgd.Step();
        w.Data.Should().Be(3.0);
        sgd.LearningRate = 0.0;
        sgd.LearningRate.Should().Be(0.0);
        new Adam([w], learningRate: 0.0).LearningRate.Should().Be(0.0);
    }

    [Theory]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-1e-300)]
    public void A_negative_learning_rate_is_refused_with_a_message(double learningRate)
    {
        Action act = () => _ = new Sgd([Some], learningRate);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate")
            .WithMessage("The learning rate must be finite and not negative.*")
            .Which.ActualValue.Should().Be(learningRate);
    }

    public static TheoryData<string, Func<double, object>, double> NonNegativeSettings => new()
    {
        { "weightDecay", x => new Sgd([Some], 0.1, weightDecay: x), -0.5 },
        { "weightDecay", x => new Sgd([Some], 0.1, weightDecay: x), double.PositiveInfinity },
        { "weightDecay", x => new Sgd([Some], 0.1, weightDecay: x), double.NegativeInfinity },
        { "weightDecay", x => new Sgd([Some], 0.1, weightDecay: x), double.NaN },
        { "weightDecay", x => new Adam([Some], weightDecay: x), -0.5 },
        { "weightDecay", x => new Adam([Some], weightDecay: x), double.PositiveInfinity },
        { "epsilon", x => new Adam([Some], epsilon: x), -1e-8 },
        { "epsilon", x => new Adam([Some], epsilon: x), double.PositiveInfinity },
        { "epsilon", x => new Adam([Some], epsilon: x), double.NaN },
    };

    [Theory]
    [MemberData(nameof(NonNegativeSettings))]
    public void A_negative_or_infinite_weight_decay_or_epsilon_is_refused(string parameter, Func<double, object> create, double value)
    {
        Action act = () => create(value);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage("Must be finite and not negative.*")
            .Which.ActualValue.Should().Be(value);
    }

    public static TheoryData<string, Func<double, object>, double> DecayRates => new()
    {
        { "momentum", x => new Sgd([Some], 0.1, momentum: x), -0.1 },
        { "momentum", x => new Sgd([Some], 0.1, momentum: x), 1.0 },
        { "momentum", x => new Sgd([Some], 0.1, momentum: x), double.NaN },
        { "beta1", x => new Adam([Some], beta1: x), -0.1 },
        { "beta1", x => new Adam([Some], beta1: x), 1.0 },
        { "beta1", x => new Adam([Some], beta1: x), double.PositiveInfinity },
        { "beta2", x => new Adam([Some], beta2: x), -1e-300 },
        { "beta2", x => new Adam([Some], beta2: x), 1.5 },
    };

    [Theory]
    [MemberData(nameof(DecayRates))]
    public void A_decay_rate_outside_zero_to_one_is_refused(string parameter, Func<double, object> create, double value)
    {
        Action act = () => create(value);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter)
            .WithMessage("Must be at least 0 and less than 1.*")
            .Which.ActualValue.Should().Be(value);
    }

    [Fact]
    public void The_edges_of_every_hyper_parameter_range_are_accepted()
    {
        var sgd = new Sgd([Some], 0.1, momentum: 0.0, weightDecay: 0.0);
        (sgd.Momentum, sgd.WeightDecay).Should().Be((0.0, 0.0));
        sgd = new Sgd([Some], 0.1, momentum: Math.BitDecrement(1.0), weightDecay: double.MaxValue);
        (sgd.Momentum, sgd.WeightDecay).Should().Be((Math.BitDecrement(1.0), double.MaxValue));

        var adam = new Adam([Some], beta1: 0.0, beta2: 0.0, epsilon: 0.0, weightDecay: 0.0);
        (adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay).Should().Be((0.0, 0.0, 0.0, 0.0));
        adam = new Adam([Some], beta1: 0.25, beta2: Math.BitDecrement(1.0), epsilon: 0.5, weightDecay: 0.125);
        (adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay).Should().Be((0.25, Math.BitDecrement(1.0), 0.5, 0.125));
    }

    [Fact]
    public void Adam_s_defaults_are_PyTorch_s()
    {
        var adam = new Adam([Some]);
        (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.WeightDecay).Should().Be((0.001, 0.9, 0.999, 1e-8, 0.0));
    }

    [Fact]
    public void Sizes_of_one_are_the_smallest_allowed()
    {
        new Neuron(1).InputCount.Should().Be(1);
        var layer = new Layer(1, 1);
        (layer.InputCount, layer.OutputCount).Should().Be((1, 1));
        var model = new MLP(1, 1);
        (model.InputCount, model.OutputCount).Should().Be((1, 1));
    }

    [Fact]
    public void A_module_of_zero_inputs_is_refused_with_a_message()
    {
        Action neuron = () => _ = new Neuron(0);
        neuron.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs").WithMessage("A neuron needs at least one input.*");
        Action layer = () => _ = new Layer(0, 3);
        layer.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs").WithMessage("A layer needs at least one input.*")
            .Which.ActualValue.Should().Be(0);
        Action mlp = () => _ = new MLP(0, 3);
        mlp.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("inputs").WithMessage("A network needs at least one input.*")
            .Which.ActualValue.Should().Be(0);
    }

    [Fact]
    public void A_layer_may_have_more_than_65536_neurons()
    {
        // The 65,536 limit came from a 16-bit row index the engine no longer has.
        var layer = new Layer(1, 65_537, Activation.Linear, new Random(1));
        layer.OutputCount.Should().Be(65_537);
        layer.Forward(2.0)[65_536].Data.Should().Be(2.0 * layer.Neurons[65_536].Weights[0].Data);
    }

    [Fact]
    public void A_bad_layer_size_names_the_layer()
    {
        Action act = () => _ = new MLP(2, [3, 4, 0, 1]);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("layerSizes").WithMessage("Layer 2 must have at least one neuron.*");
        Action empty = () => _ = new MLP(2, Array.Empty<int>());
        empty.Should().Throw<ArgumentException>().WithParameterName("layerSizes").WithMessage("A network needs at least one layer.*");
    }

    [Fact]
    public void An_undefined_activation_is_refused_wherever_it_is_given()
    {
        var undefined = (Activation)6;
        Action neuron = () => _ = new Neuron(2, undefined);
        neuron.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("activation").WithMessage("Unknown activation.*")
            .Which.ActualValue.Should().Be(undefined);
        Action hidden = () => _ = new MLP(2, [1], hiddenActivation: undefined);
        hidden.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("hiddenActivation", "it is checked even when there is no hidden layer");
        Action output = () => _ = new MLP(2, [1], outputActivation: undefined);
        output.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("outputActivation");
    }

    [Fact]
    public void A_wrong_input_length_says_expected_and_actual_for_every_overload()
    {
        var neuron = new Neuron(3);
        var layer = new Layer(3, 2);
        var model = new MLP(3, 2);
        Action[] calls =
        {
            () => neuron.Forward(1.0, 2.0),
            () => neuron.Forward((ReadOnlySpan<double>)[1.0, 2.0]),
            () => neuron.Forward([Some, Some]),
            () => layer.Forward(1.0, 2.0),
            () => layer.Forward((ReadOnlySpan<double>)[1.0, 2.0]),
            () => layer.Forward([Some, Some]),
            () => model.Forward(1.0, 2.0),
            () => model.Forward((ReadOnlySpan<double>)[1.0, 2.0]),
            () => model.Forward([Some, Some]),
        };
        foreach (Action call in calls)
        {
            call.Should().Throw<ArgumentException>().WithParameterName("inputs").WithMessage("Expected 3 inputs but got 2.*");
        }
    }

    [Fact]
    public void Losses_refuse_an_empty_batch_naming_the_outputs()
    {
        Action mse = () => Losses.MeanSquaredError([], []);
        mse.Should().Throw<ArgumentException>().WithParameterName("predictions").WithMessage("The batch is empty.*");
        Action bce = () => Losses.BinaryCrossEntropyWithLogits([], []);
        bce.Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("The batch is empty.*");
        Action softmax = () => Losses.SoftmaxCrossEntropy(Array.Empty<IReadOnlyList<Value>>(), Array.Empty<int>());
        softmax.Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("The batch is empty.*");
        Action noLogits = () => Losses.SoftmaxCrossEntropy(Array.Empty<Value>(), 0);
        noLogits.Should().Throw<ArgumentException>().WithParameterName("logits").WithMessage("There must be at least one logit.*");
    }

    [Fact]
    public void Losses_refuse_targets_of_another_length_naming_both()
    {
        Action hinge = () => Losses.Hinge([Some], [1.0, -1.0]);
        hinge.Should().Throw<ArgumentException>().WithParameterName("labels").WithMessage("There are 1 scores but 2 labels.*");
        Action softmax = () => Losses.SoftmaxCrossEntropy([[Some], [Some]], [0]);
        softmax.Should().Throw<ArgumentException>().WithParameterName("targets").WithMessage("There are 2 logits but 1 targets.*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_target_class_outside_the_logits_says_how_many_there_are(int target)
    {
        Action act = () => Losses.SoftmaxCrossEntropy([Some, Some, Some], target);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("target")
            .WithMessage("The target class must be an index into the 3 logits.*")
            .Which.ActualValue.Should().Be(target);
    }

    [Fact]
    public void The_first_and_last_target_classes_are_accepted()
    {
        // ln(e^1 + e^2 + e^3) − z_target, by CPython: math.log(math.exp(1)+math.exp(2)+math.exp(3))
        const double logSumExp = 3.40760596444438;
        Value[] logits = [new(1.0), new(2.0), new(3.0)];
        Losses.SoftmaxCrossEntropy(logits, 0).Data.Should().BeApproximately(logSumExp - 1.0, 1e-14);
        Losses.SoftmaxCrossEntropy(logits, 2).Data.Should().BeApproximately(logSumExp - 3.0, 1e-14);
    }
}
