using Micrograd.Samples.MicroGpt.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Samples.MicroGpt.Tests;

/// <summary>
/// One training step's loss and the gradient of every one of the 4,192 weights, from both ways of building
/// the graph, against TorchSharp float64 tensors holding the same weights and reading the same document.
/// </summary>
public class GradientTests
{
    // Relative to the larger of the two magnitudes, with a floor of 1e-10 of the largest gradient of the same
    // matrix for gradients that cancel to nearly zero (differences of about 1e-16 there are rounding, not error).
    private const double Relative = 1e-10;

    public static TheoryData<GraphKind, int, string> Cases()
    {
        var data = new TheoryData<GraphKind, int, string>();
        foreach (GraphKind graph in Enum.GetValues<GraphKind>())
        {
            data.Add(graph, 42, "emma");
            data.Add(graph, 42, "aj");
            data.Add(graph, 7, "muhammadibrahim");          // 17 tokens: all 16 positions
            data.Add(graph, 3, "abcdefghijklmnopqrstuvwxyz"); // longer than the block: cut to 16 positions
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_every_gradient_match_TorchSharp(GraphKind graph, int seed, string doc)
    {
        var model = new Gpt(Fixture.Tokenizer.VocabSize, new PythonRandom(seed), graph);
        int[] tokens = Fixture.Tokenizer.Encode(doc);
        Value loss = model.Loss(tokens);
        loss.Backward();

        using var scope = torch.NewDisposeScope();
        var reference = new TorchGpt(model);
        Tensor torchLoss = reference.Loss(tokens);
        torchLoss.backward();

        var failures = new List<string>();
        double expectedLoss = torchLoss.item<double>();
        if (Math.Abs(loss.Data - expectedLoss) > Relative * Math.Abs(expectedLoss))
        {
            failures.Add($"loss: {loss.Data:R}, TorchSharp {expectedLoss:R}");
        }

        int compared = 0;
        foreach ((string name, Value[][] rows) in model.StateDict)
        {
            double[] expected = reference[name].grad!.data<double>().ToArray();
            double floor = Relative * expected.Max(Math.Abs);
            int columns = rows[0].Length;
            for (int o = 0; o < rows.Length; o++)
            {
                for (int i = 0; i < columns; i++)
                {
                    double actual = rows[o][i].Grad;
                    double wanted = expected[o * columns + i];
                    double tolerance = Math.Max(Relative * Math.Max(Math.Abs(actual), Math.Abs(wanted)), floor);
                    if (!(Math.Abs(actual - wanted) <= tolerance))
                    {
                        failures.Add($"{name}[{o}][{i}]: grad {actual:R}, TorchSharp {wanted:R}");
                    }

                    compared++;
                }
            }
        }

        compared.Should().Be(4192);
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Both_graphs_give_the_same_loss_bit_for_bit_and_gradients_within_rounding()
    {
        int[] tokens = Fixture.Tokenizer.Encode("muhammadibrahim");
        var fused = new Gpt(Fixture.Tokenizer.VocabSize, new PythonRandom(42), GraphKind.Fused);
        var operators = new Gpt(Fixture.Tokenizer.VocabSize, new PythonRandom(42), GraphKind.Operators);
        Value fusedLoss = fused.Loss(tokens);
        Value operatorsLoss = operators.Loss(tokens);
        fusedLoss.Backward();
        operatorsLoss.Backward();

        fusedLoss.Data.Should().Be(operatorsLoss.Data);
        for (int i = 0; i < fused.Parameters.Length; i++)
        {
            fused.Parameters[i].Grad.Should().BeApproximately(operators.Parameters[i].Grad, 1e-15);
        }
    }
}
