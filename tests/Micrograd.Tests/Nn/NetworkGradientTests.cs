using Micrograd.Nn;
using Micrograd.Tests.Reference;
using TorchSharp;

namespace Micrograd.Tests.Nn;

/// <summary>Networks of several shapes and every activation: outputs and every parameter gradient against TorchSharp.</summary>
public sealed class NetworkGradientTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<int, int[], Activation, Activation> Architectures()
    {
        var data = new TheoryData<int, int[], Activation, Activation>();
        var shapes = new (int Inputs, int[] Sizes)[] { (2, [3, 1]), (3, [4, 4, 2]), (1, [5]), (4, [6, 3, 3, 1]) };
        foreach (var (inputs, sizes) in shapes)
        {
            foreach (Activation hidden in Enum.GetValues<Activation>())
            {
                foreach (Activation output in Enum.GetValues<Activation>())
                {
                    data.Add(inputs, sizes, hidden, output);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Outputs_and_parameter_gradients_match_TorchSharp(int inputs, int[] sizes, Activation hidden, Activation output)
    {
        var random = new Random(inputs * 1000 + sizes.Length * 100 + (int)hidden * 10 + (int)output);
        var model = new MLP(inputs, sizes, hidden, output, random);

        const int Batch = 4;
        var x = new double[Batch, inputs];
        var coefficients = new double[Batch, sizes[^1]];
        for (int s = 0; s < Batch; s++)
        {
            for (int i = 0; i < inputs; i++)
            {
                x[s, i] = random.NextDouble() * 4 - 2;
            }

            for (int o = 0; o < sizes[^1]; o++)
            {
                coefficients[s, o] = random.NextDouble() * 2 - 1;
            }
        }

        // Micrograd: a weighted sum of every output of every sample, so every output's gradient matters.
        var outputs = new List<IReadOnlyList<Value>>();
        var terms = new List<Value>();
        for (int s = 0; s < Batch; s++)
        {
            var row = Enumerable.Range(0, inputs).Select(i => x[s, i]).ToArray();
            IReadOnlyList<Value> y = model.Forward(row);
            outputs.Add(y);
            terms.AddRange(y.Select((v, o) => v * coefficients[s, o]));
        }

        Value.Sum(terms).Backward();

        using var scope = torch.NewDisposeScope();
        var reference = new TorchNetwork(model);
        var ty = reference.Forward(x);
        (ty * torch.tensor(coefficients, dtype: torch.ScalarType.Float64)).sum().backward();

        double[] torchOutputs = ty.data<double>().ToArray();
        for (int s = 0; s < Batch; s++)
        {
            for (int o = 0; o < sizes[^1]; o++)
            {
                outputs[s][o].Data.ShouldBeCloseTo(torchOutputs[s * sizes[^1] + o], $"output {o} of sample {s}", Tolerance);
            }
        }

        var expected = reference.Flatten().ToList();
        model.Parameters().Should().HaveCount(expected.Count);
        for (int p = 0; p < expected.Count; p++)
        {
            model.Parameters()[p].Data.Should().Be(expected[p].Data, "parameter {0} was copied", p);
            model.Parameters()[p].Grad.ShouldBeCloseTo(expected[p].Grad, $"gradient of parameter {p}", Tolerance);
        }
    }
}
