using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Engine;

/// <summary>
/// Property-style check: random expression graphs, where every new node may reuse any earlier one, are built
/// step for step in Micrograd and in TorchSharp; the output and the gradient of every leaf must agree. Seeds
/// are fixed, so any failure names a graph that can be rebuilt exactly.
/// </summary>
public sealed class RandomGraphTests
{
    private const int GraphsPerBatch = 40;

    // Both sides compute the same IEEE operations in the same order, so only library functions (tanh, exp,
    // log) can differ by an ulp, which cancellation in a long graph can amplify; hence a looser tolerance.
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_graphs_with_shared_nodes_match_TorchSharp(int batch)
    {
        var failures = new List<string>();
        for (int g = 0; g < GraphsPerBatch; g++)
        {
            int seed = batch * GraphsPerBatch + g;
            CompareOne(seed, failures);
        }

        failures.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Hessians_of_random_graphs_with_shared_nodes_match_TorchSharp(int batch)
    {
        var failures = new List<string>();
        for (int g = 0; g < GraphsPerBatch; g++)
        {
            int seed = batch * GraphsPerBatch + g;
            using var scope = torch.NewDisposeScope();
            Graph graph = Build(seed, Softsign.Differentiable);
            IReadOnlyList<Value> gradient = Gradients.Of(graph.Output, graph.Leaves, createGraph: true);
            Tensor[] torchGradient = TorchDerivative.Of(graph.TorchOutput, [.. graph.TorchLeaves]);
            for (int i = 0; i < graph.Leaves.Count; i++)
            {
                IReadOnlyList<Value> row = Gradients.Of(gradient[i], graph.Leaves);
                Tensor[] torchRow = TorchDerivative.Of(torchGradient[i], [.. graph.TorchLeaves]);
                for (int j = 0; j < graph.Leaves.Count; j++)
                {
                    double expected = Torch.Data(torchRow[j]);
                    // As above, or 1e-12 absolute: a second derivative can be a difference of much larger terms.
                    if (!Closeness.AreClose(row[j].Data, expected, Tolerance) && !(Math.Abs(row[j].Data - expected) <= 1e-12))
                    {
                        failures.Add($"{graph.Script}: H[{i},{j}] {row[j].Data:R} vs {expected:R}");
                    }
                }
            }
        }

        failures.Should().BeEmpty();
    }

    private sealed record Graph(List<Value> Leaves, List<Tensor> TorchLeaves, Value Output, Tensor TorchOutput, string Script);

    private static void CompareOne(int seed, List<string> failures)
    {
        using var scope = torch.NewDisposeScope();
        (List<Value> leaves, List<Tensor> torchLeaves, Value output, Tensor torchOutput, string graph) = Build(seed, Softsign.Numeric);
        int leafCount = leaves.Count;
        double[] swept = Gradients.Of(output, leaves).Select(gradient => gradient.Data).ToArray();
        output.Backward();
        torchOutput.backward();

        // Gradients.Of passes gradients in Backward's order with each operation's same Backward, so its numbers are
        // Backward's, bit for bit (Equals: NaN equals NaN here).
        for (int i = 0; i < leafCount; i++)
        {
            if (!swept[i].Equals(leaves[i].Grad))
            {
                failures.Add($"seed {seed}: Gradients.Of gave leaf {i} {swept[i]:R}, Backward {leaves[i].Grad:R}");
            }
        }

        if (!Closeness.AreClose(output.Data, Torch.Data(torchOutput), Tolerance))
        {
            failures.Add($"{graph}: output {output.Data:R} vs {Torch.Data(torchOutput):R}");
        }

        for (int i = 0; i < leafCount; i++)
        {
            if (!Closeness.AreClose(leaves[i].Grad, Torch.Grad(torchLeaves[i]), Tolerance))
            {
                failures.Add($"{graph}: leaf {i} grad {leaves[i].Grad:R} vs {Torch.Grad(torchLeaves[i]):R}");
            }
        }
    }

    private static Graph Build(int seed, Func<Value, Value> softsign)
    {
        var random = new Random(seed);
        int leafCount = random.Next(1, 5);
        int steps = random.Next(5, 60);

        var leaves = new List<Value>();
        var torchLeaves = new List<Tensor>();
        var pool = new List<Value>();
        var torchPool = new List<Tensor>();
        for (int i = 0; i < leafCount; i++)
        {
            double data = Math.Round(random.NextDouble() * 4 - 2, 3);
            leaves.Add(new Value(data));
            torchLeaves.Add(Torch.Scalar(data));
        }

        pool.AddRange(leaves);
        torchPool.AddRange(torchLeaves);
        var script = new List<string>();
        for (int step = 0; step < steps; step++)
        {
            int i = random.Next(pool.Count);
            int j = random.Next(pool.Count);
            double c = Math.Round(random.NextDouble() * 4 - 2, 2);
            Value a = pool[i], b = pool[j];
            Tensor ta = torchPool[i], tb = torchPool[j];
            int op = random.Next(23);
            script.Add($"{op}({i},{j},{c})");
            (Value result, Tensor reference) = op switch
            {
                0 => (a + b, ta + tb),
                1 => (a - b, ta - tb),
                2 => (a * b, ta * tb),
                3 => (a / (1 + b * b), ta / (1 + tb * tb)),
                4 => (a.Tanh(), ta.tanh()),
                5 => (a.Sigmoid(), ta.sigmoid()),
                6 => (a.Relu(), ta.relu()),
                7 => (a.Pow(2), ta.pow(2)),
                8 => (a.Tanh().Exp(), ta.tanh().exp()),
                9 => ((1 + a * a).Log(), (1 + ta * ta).log()),
                10 => (a * c + b, ta * c + tb),
                11 => (c - a, c - ta),
                12 => (Value.Sum(a, b, a), torch.stack([ta, tb, ta]).sum()),
                13 => (Value.Dot([a, b], [b, a.Tanh()]), torch.dot(torch.stack([ta, tb]), torch.stack([tb, ta.tanh()]))),
                14 => ((a * a + 1).Pow(new Value(0.5) + b.Sigmoid()), (ta * ta + 1).pow(0.5 + tb.sigmoid())),
                15 => (-(a.Tanh() * b.Tanh()), -(ta.tanh() * tb.tanh())),
                16 => (a.Abs() + Value.Max(a, b), ta.abs() + torch.maximum(ta, tb)),
                17 => (Value.Min(a, b * c), torch.minimum(ta, tb * c)),
                18 => ((1 + a * a).Sqrt(), (1 + ta * ta).sqrt()),
                19 => (a.Gelu() + b.LeakyRelu(0.1), ta.gelu(TorchSharp.Modules.GELU.Approximate.tanh) + torch.nn.functional.leaky_relu(tb, 0.1)),
                20 => (a.Sin() * b.Cos(), ta.sin() * tb.cos()),
                21 => (softsign(a + b), torch.nn.functional.softsign(ta + tb)),
                // A layer whose weights, bias and inputs are all earlier values of the graph.
                _ => (new AffineMap([[a, b], [b, a]], [b, a], UnaryOperation.Tanh).Apply([a.Sigmoid(), b])[1],
                      (tb * ta.sigmoid() + ta * tb + ta).tanh()),
            };
            pool.Add(result);
            torchPool.Add(reference);
        }

        // The output depends on every node, so every leaf and every reuse is exercised.
        Value output = Value.Sum(pool.Skip(leafCount));
        Tensor torchOutput = torch.stack(torchPool.Skip(leafCount).ToArray()).sum();
        return new Graph(leaves, torchLeaves, output, torchOutput, $"seed {seed} [{string.Join(" ", script)}]");
    }
}
