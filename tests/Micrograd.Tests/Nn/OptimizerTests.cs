using Micrograd.Nn;
using Micrograd.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;

namespace Micrograd.Tests.Nn;

/// <summary>Twenty optimizer steps on the same model and data give the same parameters as torch.optim.</summary>
public sealed class OptimizerTests
{
    private const int Steps = 20;
    private const double Tolerance = 1e-10;

    private static readonly double[,] Inputs = { { 2.0, 3.0, -1.0 }, { 3.0, -1.0, 0.5 }, { 0.5, 1.0, 1.0 }, { 1.0, 1.0, -1.0 } };
    private static readonly double[] Targets = [1.0, -1.0, -1.0, 1.0];

    [Fact]
    public void Sgd_with_momentum_and_weight_decay_matches_torch_optim_SGD()
    {
        Compare(
            model => new Sgd(model.Parameters(), learningRate: 0.05, momentum: 0.9, weightDecay: 0.01),
            parameters => torch.optim.SGD(parameters, 0.05, momentum: 0.9, weight_decay: 0.01));
    }

    [Fact]
    public void Sgd_with_momentum_takes_the_first_gradient_as_its_velocity_as_torch_does_even_for_negative_zero()
    {
        // torch.optim.SGD starts the momentum buffer as a copy of the first gradient, so a −0 gradient gives a −0
        // velocity and −0 − 0.1 × (−0) = +0; momentum × 0 + (−0) would be +0 and leave the parameter at −0.
        var parameter = new Value(-0.0) { Grad = -0.0 };
        new Sgd([parameter], learningRate: 0.1, momentum: 0.9).Step();

        using var scope = torch.NewDisposeScope();
        var tensor = torch.nn.Parameter(torch.tensor(new[] { -0.0 }, dtype: torch.ScalarType.Float64));
        tensor.grad = torch.tensor(new[] { -0.0 }, dtype: torch.ScalarType.Float64);
        torch.optim.SGD([tensor], 0.1, momentum: 0.9).step();
        double expected = tensor.data<double>()[0];

        double.IsNegative(expected).Should().BeFalse("TorchSharp's step gives +0");
        double.IsNegative(parameter.Data).Should().Be(double.IsNegative(expected));
    }

    [Fact]
    public void Plain_sgd_matches_torch_optim_SGD()
    {
        Compare(
            model => new Sgd(model.Parameters(), learningRate: 0.1),
            parameters => torch.optim.SGD(parameters, 0.1));
    }

    [Fact]
    public void Adam_matches_torch_optim_Adam()
    {
        Compare(
            model => new Adam(model.Parameters(), learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8),
            parameters => torch.optim.Adam(parameters, 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8));
    }

    [Fact]
    public void Adam_with_weight_decay_matches_torch_optim_AdamW()
    {
        Compare(
            model => new Adam(model.Parameters(), learningRate: 0.02, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.05),
            parameters => torch.optim.AdamW(parameters, 0.02, beta1: 0.8, beta2: 0.99, eps: 1e-6, weight_decay: 0.05));
    }

    [Fact]
    public void Changing_the_learning_rate_between_steps_takes_effect()
    {
        var w = new Value(1.0);
        var optimizer = new Sgd([w], learningRate: 0.5);
        w.Grad = 2.0;
        optimizer.Step();
        w.Data.Should().Be(0.0);    // 1 − 0.5 × 2
        optimizer.LearningRate = 0.25;
        optimizer.Step();
        w.Data.Should().Be(-0.5);   // 0 − 0.25 × 2
    }

    [Fact]
    public void ZeroGrad_clears_every_parameter()
    {
        var model = new MLP(2, [3, 1], random: new Random(5));
        model.Forward(1.0, 2.0)[0].Backward();
        model.Parameters().Should().OnlyContain(p => p.Grad != 0, "every parameter of this network gets a gradient");
        var optimizer = new Adam(model.Parameters());
        optimizer.ZeroGrad();
        model.Parameters().Should().OnlyContain(p => p.Grad == 0);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_learning_rate_is_rejected_with_its_value(double learningRate)
    {
        Action construct = () => _ = new Sgd([new Value(1.0)], learningRate);
        construct.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("learningRate")
            .Which.ActualValue.Should().Be(learningRate);

        var optimizer = new Adam([new Value(1.0)], learningRate: 0.1);
        Action set = () => optimizer.LearningRate = learningRate;
        set.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value")
            .Which.ActualValue.Should().Be(learningRate);
        optimizer.LearningRate.Should().Be(0.1, "a refused learning rate leaves the old one in place");
    }

    [Fact]
    public void A_decay_rate_of_one_is_rejected()
    {
        Action act = () => _ = new Adam([new Value(1.0)], beta2: 1.0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("beta2").Which.ActualValue.Should().Be(1.0);
    }

    private static void Compare(Func<MLP, Optimizer> mine, Func<IEnumerable<TorchSharp.Modules.Parameter>, torch.optim.Optimizer> reference)
    {
        var model = new MLP(3, [4, 4, 1], Activation.Tanh, Activation.Linear, new Random(2024));
        using var scope = torch.NewDisposeScope();
        var network = new TorchNetwork(model);
        var torchOptimizer = reference(network.Parameters());
        var optimizer = mine(model);
        Tensor targets = torch.tensor(Targets, dtype: ScalarType.Float64).reshape(4, 1);

        for (int step = 0; step < Steps; step++)
        {
            var predictions = Enumerable.Range(0, 4)
                .Select(s => model.Forward(Inputs[s, 0], Inputs[s, 1], Inputs[s, 2])[0])
                .ToList();
            Value loss = Losses.MeanSquaredError(predictions, Targets);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();

            torchOptimizer.zero_grad();
            torch.nn.functional.mse_loss(network.Forward(Inputs), targets).backward();
            torchOptimizer.step();
        }

        var expected = network.Flatten().ToList();
        for (int p = 0; p < expected.Count; p++)
        {
            model.Parameters()[p].Data.ShouldBeCloseTo(expected[p].Data, $"parameter {p} after {Steps} steps", Tolerance);
        }
    }
}
