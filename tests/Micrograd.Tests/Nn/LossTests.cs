using Micrograd.Nn;
using Micrograd.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Nn;

/// <summary>Each loss: value and the gradient of every input against TorchSharp's functional losses.</summary>
public sealed class LossTests
{
    private const double Tolerance = 1e-10;

    private static readonly double[] Outputs = [-3.2, -0.7, 0.0, 0.4, 2.5, 31.0, -45.0];

    [Fact]
    public void Mean_squared_error_matches_TorchSharp()
    {
        double[] targets = [1.0, -1.0, 0.5, 0.4, 2.0, -3.0, 1.0];
        var predictions = Leaves(Outputs);
        Value loss = Losses.MeanSquaredError(predictions, targets);
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor input = torch.tensor(Outputs, dtype: ScalarType.Float64, requires_grad: true);
        Tensor reference = torch.nn.functional.mse_loss(input, torch.tensor(targets, dtype: ScalarType.Float64));
        reference.backward();

        Compare(loss, predictions, reference, input);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_matches_TorchSharp_even_for_large_logits()
    {
        double[] targets = [1.0, 0.0, 1.0, 0.0, 0.3, 0.0, 1.0];
        var logits = Leaves(Outputs);
        Value loss = Losses.BinaryCrossEntropyWithLogits(logits, targets);
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor input = torch.tensor(Outputs, dtype: ScalarType.Float64, requires_grad: true);
        Tensor reference = torch.nn.functional.binary_cross_entropy_with_logits(input, torch.tensor(targets, dtype: ScalarType.Float64));
        reference.backward();

        Compare(loss, logits, reference, input);
        double.IsFinite(loss.Data).Should().BeTrue();
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_of_a_huge_logit_stays_finite()
    {
        var logit = new Value(1000.0);
        Value loss = Losses.BinaryCrossEntropyWithLogits([logit], [0.0]);
        loss.Backward();
        loss.Data.Should().Be(1000.0);  // softplus(1000) − 0 = 1000 exactly in double precision
        logit.Grad.Should().Be(1.0);   // σ(1000) − 0
    }

    [Fact]
    public void Softmax_cross_entropy_matches_TorchSharp_for_a_batch_with_large_logits()
    {
        double[,] raw =
        {
            { 1.0, 2.0, 0.5 },
            { -3.0, 800.0, 799.0 },
            { 0.0, 0.0, 0.0 },
            { 12.0, -40.0, 3.0 },
        };
        long[] targets = [2, 1, 0, 1];
        var logits = Enumerable.Range(0, 4)
            .Select(s => (IReadOnlyList<Value>)Enumerable.Range(0, 3).Select(c => new Value(raw[s, c])).ToArray())
            .ToList();
        Value loss = Losses.SoftmaxCrossEntropy(logits, targets.Select(t => (int)t).ToList());
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor input = torch.tensor(raw, dtype: ScalarType.Float64, requires_grad: true);
        Tensor reference = torch.nn.functional.cross_entropy(input, torch.tensor(targets));
        reference.backward();

        loss.Data.ShouldBeCloseTo(Torch.Data(reference), "loss", Tolerance);
        double[] grads = input.grad!.data<double>().ToArray();
        for (int s = 0; s < 4; s++)
        {
            for (int c = 0; c < 3; c++)
            {
                logits[s][c].Grad.ShouldBeCloseTo(grads[s * 3 + c], $"gradient of logit {c} of sample {s}", Tolerance);
            }
        }
    }

    [Fact]
    public void Hinge_loss_matches_the_same_formula_in_TorchSharp()
    {
        double[] labels = [1.0, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0];
        var scores = Leaves(Outputs);
        Value loss = Losses.Hinge(scores, labels);
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor input = torch.tensor(Outputs, dtype: ScalarType.Float64, requires_grad: true);
        Tensor reference = (1 - torch.tensor(labels, dtype: ScalarType.Float64) * input).relu().mean();
        reference.backward();

        Compare(loss, scores, reference, input);
    }

    [Fact]
    public void L2_regularisation_matches_TorchSharp()
    {
        var parameters = Leaves(Outputs);
        Value penalty = Losses.L2(parameters, 1e-4);
        penalty.Backward();

        using var scope = torch.NewDisposeScope();
        Tensor input = torch.tensor(Outputs, dtype: ScalarType.Float64, requires_grad: true);
        Tensor reference = 1e-4 * (input * input).sum();
        reference.backward();

        Compare(penalty, parameters, reference, input);
    }

    [Fact]
    public void A_batch_and_targets_of_different_lengths_name_both_lengths()
    {
        Action act = () => Losses.MeanSquaredError(Leaves([1.0, 2.0]), [1.0]);
        act.Should().Throw<ArgumentException>().WithParameterName("targets").WithMessage("There are 2 predictions but 1 targets.*");
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.5, "0.5")]
    [InlineData(-2.0, "-2")]
    [InlineData(double.NaN, "NaN")]
    public void Hinge_refuses_a_label_other_than_minus_one_and_plus_one_naming_its_index_and_value(double label, string shown)
    {
        // Labels 0 and 1 (a classifier's usual classes) would silently train the wrong thing: 0 × score is no margin at all.
        Action act = () => Losses.Hinge(Leaves([0.5, 0.25, -0.5]), [1.0, label, -1.0]);
        act.Should().Throw<ArgumentException>().WithParameterName("labels")
            .WithMessage("labels[1] is " + shown + "; the hinge loss takes labels −1 and +1 only.*");
    }

    [Theory]
    [InlineData(-1.0, "-1")]
    [InlineData(1.5, "1.5")]
    [InlineData(double.NaN, "NaN")]
    public void Binary_cross_entropy_refuses_a_target_outside_0_to_1_naming_its_index_and_value(double target, string shown)
    {
        // As torch.nn.functional.binary_cross_entropy checks its targets; −1/+1 labels are the hinge loss's.
        Action act = () => Losses.BinaryCrossEntropyWithLogits(Leaves([0.5, 0.25]), [target, 1.0]);
        act.Should().Throw<ArgumentException>().WithParameterName("targets")
            .WithMessage("targets[0] is " + shown + "; binary cross-entropy takes targets from 0 to 1 only.*");
    }

    [Fact]
    public void Binary_cross_entropy_accepts_targets_between_0_and_1()
    {
        Losses.BinaryCrossEntropyWithLogits(Leaves([0.0, 0.0, 0.0]), [0.0, 0.25, 1.0]).Data.Should().BeApproximately(Math.Log(2), 1e-15);
    }

    [Fact]
    public void An_empty_batch_is_rejected()
    {
        Action act = () => Losses.Hinge([], []);
        act.Should().Throw<ArgumentException>().WithParameterName("scores");
    }

    [Fact]
    public void A_target_class_outside_the_logits_is_out_of_range()
    {
        Action act = () => Losses.SoftmaxCrossEntropy(Leaves([1.0, 2.0]), 2);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("target").Which.ActualValue.Should().Be(2);
    }

    private static Value[] Leaves(double[] data) => data.Select(d => new Value(d)).ToArray();

    private static void Compare(Value loss, Value[] inputs, Tensor reference, Tensor input)
    {
        loss.Data.ShouldBeCloseTo(Torch.Data(reference), "loss", Tolerance);
        double[] grads = input.grad!.data<double>().ToArray();
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i].Grad.ShouldBeCloseTo(grads[i], $"gradient of input {i}", Tolerance);
        }
    }
}
