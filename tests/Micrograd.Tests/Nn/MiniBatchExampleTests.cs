using Micrograd.Datasets;
using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>
/// The example of docs/compiled-replay.md, mini-batches of 20 moons points through one compiled graph, kept here as
/// code of its own so that what it prints is checked whatever the page's wording: the data come shuffled and are
/// reshuffled every epoch, as people train, so each batch mixes both moons, the loss falls, and the model ends
/// classifying every point (measured over seeds 0 to 5 as well: 199 or 200 of 200).
/// </summary>
public sealed class MiniBatchExampleTests
{
    /// <summary>The example as the page gives it, printing to <paramref name="output"/> instead of the console.</summary>
    private static List<int> RunExample(TextWriter output)
    {
        var batchLabelSums = new List<int>();

        var random = new Random(1337);
        Moons data = Moons.Generate(200, noise: 0.1, random); // shuffled, as scikit-learn's make_moons
        var model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, random);
        var optimizer = new Sgd(model.Parameters(), learningRate: 0.5);

        // One batch's graph, over leaves that each batch fills in: the points and their labels.
        const int BatchSize = 20;
        Value[][] points = Enumerable.Range(0, BatchSize).Select(_ => new[] { new Value(0.0), new Value(0.0) }).ToArray();
        Value[] labels = Enumerable.Range(0, BatchSize).Select(_ => new Value(0.0)).ToArray();
        Value[] margins = points.Select((point, i) => (1 - labels[i] * model.Forward(point)[0]).Relu()).ToArray();
        Value loss = Value.Sum(margins) / BatchSize + Losses.L2(model.Parameters(), 1e-4);
        CompiledGraph program = loss.Compile();

        int[] order = Enumerable.Range(0, data.Points.Count).ToArray();
        for (int epoch = 0; epoch < 20; epoch++)
        {
            random.Shuffle(order); // a new order every epoch, as PyTorch's DataLoader(shuffle=True) gives
            optimizer.LearningRate = 0.5 * (1 - 0.9 * epoch / 20); // decaying to a tenth, as in micrograd's demo
            double total = 0;
            for (int start = 0; start < order.Length; start += BatchSize)
            {
                for (int i = 0; i < BatchSize; i++)
                {
                    int k = order[start + i];
                    points[i][0].Data = data.Points[k][0];
                    points[i][1].Data = data.Points[k][1];
                    labels[i].Data = data.SignedLabels[k];
                }

                batchLabelSums.Add((int)labels.Sum(label => label.Data)); // (not on the page) the batch's mix

                program.Forward();   // loss.Data is this batch's loss
                total += loss.Data;
                optimizer.ZeroGrad();
                program.Backward();  // the parameters' gradients for this batch
                optimizer.Step();
            }

            output.WriteLine($"epoch {epoch,2}: mean batch loss {total / (order.Length / BatchSize):F4}");
        }

        int correct = data.Points.Select(p => model.Forward(p)[0].Data).Zip(data.SignedLabels, (score, label) => score * label > 0).Count(ok => ok);
        output.WriteLine($"accuracy: {correct} of {data.Points.Count} points");
        return batchLabelSums;
    }

    [Fact]
    public void Every_batch_holds_both_moons()
    {
        List<int> sums = RunExample(TextWriter.Null);
        sums.Should().HaveCount(20 * 10).And.OnlyContain(sum => Math.Abs(sum) < 20, "a sum of ±20 is a batch of one class");
    }

    [Fact]
    public void The_printed_loss_falls_epoch_by_epoch_to_a_classifier_of_every_point()
    {
        var output = new StringWriter();
        RunExample(output);
        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCount(21);
        double[] losses = lines[..20].Select(line => double.Parse(line[^6..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        losses[^1].Should().BeLessThan(losses[0] / 10, string.Join(Environment.NewLine, lines));
        losses.Skip(10).Should().OnlyContain(l => l < losses[0] / 5, "no epoch after the tenth wanders back up");
        lines[^1].Should().Be("accuracy: 200 of 200 points", string.Join(Environment.NewLine, lines));
    }
}
