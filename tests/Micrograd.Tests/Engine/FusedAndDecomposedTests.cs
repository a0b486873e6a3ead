using Micrograd.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.Engine;

/// <summary>
/// An <see cref="AffineMap"/> row is one node for activation(w·x + b). Over random layers, inputs that include
/// ±∞, NaN and ±0, and every activation, it must agree with the same layer built from <c>*</c>, <c>+</c> and the
/// activation's own node (bit for bit, as it adds in the same order), and with TorchSharp.
/// </summary>
public sealed class FusedAndDecomposedTests
{
    private const int Cases = 400;

    /// <summary>Every unary operation as an activation (null: none), with TorchSharp's version of it.</summary>
    private static readonly (string Name, UnaryOperation? Operation, Func<Tensor, Tensor> Torch)[] Activations =
    [
        ("none", null, t => t),
        .. UnaryOperations.All.Select(entry => (entry.Case, (UnaryOperation?)entry.Operation, entry.Torch)),
        ("cube root", UnaryOperation.Pow(1.0 / 3), t => t.pow(1.0 / 3)),
    ];

    [Fact]
    public void A_fused_layer_equals_the_same_layer_built_from_operators_bit_for_bit()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Cases; seed++)
        {
            Layer layer = Layer.Create(seed);
            (Value[] fusedOutputs, Value[] fusedLeaves) = layer.BuildFused();
            (Value[] plainOutputs, Value[] plainLeaves) = layer.BuildDecomposed();

            for (int j = 0; j < fusedOutputs.Length; j++)
            {
                ExpectSameBits(failures, $"{layer} output {j}", fusedOutputs[j].Data, plainOutputs[j].Data);
            }

            // Weights and biases: each receives one contribution, computed by the same formula in both graphs.
            for (int k = 0; k < layer.ParameterCount; k++)
            {
                ExpectSameBits(failures, $"{layer} gradient of parameter {k}", fusedLeaves[k].Grad, plainLeaves[k].Grad);
            }

            // Inputs: one contribution per row, added in the order each graph's backward pass visits the rows.
            for (int k = layer.ParameterCount; k < fusedLeaves.Length; k++)
            {
                if (!Closeness.AreClose(fusedLeaves[k].Grad, plainLeaves[k].Grad, 1e-13))
                {
                    failures.Add($"{layer} gradient of input {k - layer.ParameterCount}: fused {fusedLeaves[k].Grad:R}, operators {plainLeaves[k].Grad:R}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public void A_fused_layer_matches_TorchSharp_for_every_activation_with_infinities_and_NaN()
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Cases; seed++)
        {
            Layer layer = Layer.Create(seed);
            (Value[] outputs, Value[] leaves) = layer.BuildFused();

            using var scope = torch.NewDisposeScope();
            (Tensor torchOutputs, Tensor[] torchLeaves) = layer.BuildTorch();
            for (int j = 0; j < outputs.Length; j++)
            {
                Compare(failures, $"{layer} output {j}", outputs[j].Data, torchOutputs[j].item<double>());
            }

            for (int k = 0; k < leaves.Length; k++)
            {
                Compare(failures, $"{layer} gradient of leaf {k}", leaves[k].Grad, Reference.Torch.Grad(torchLeaves[k]));
            }
        }

        failures.Should().BeEmpty();
    }

    private static void ExpectSameBits(List<string> failures, string what, double fused, double decomposed)
    {
        bool same = double.IsNaN(fused) ? double.IsNaN(decomposed) : BitConverter.DoubleToInt64Bits(fused) == BitConverter.DoubleToInt64Bits(decomposed);
        if (!same)
        {
            failures.Add($"{what}: fused {fused:R}, operators {decomposed:R}");
        }
    }

    private static void Compare(List<string> failures, string what, double actual, double expected)
    {
        // TorchSharp adds a row's products in its own order, so finite results agree to rounding, not bits.
        if (!Closeness.AreClose(actual, expected, 1e-9))
        {
            failures.Add($"{what} was {actual:R}, TorchSharp says {expected:R}");
        }
    }

    /// <summary>One random case: a layer's numbers, its activation, and the coefficients of a loss Σ c_j y_j.</summary>
    private sealed class Layer
    {
        private readonly int _seed;
        private readonly double[,] _weights;
        private readonly double[]? _biases;
        private readonly double[] _inputs;
        private readonly bool _interiorInputs;
        private readonly double[] _coefficients;
        private readonly (string Name, UnaryOperation? Operation, Func<Tensor, Tensor> Torch) _activation;

        private Layer(int seed)
        {
            var random = new Random(seed);
            _seed = seed;
            _activation = Activations[seed % Activations.Length];
            int outputs = random.Next(1, 6);
            int inputs = random.Next(1, 7);
            _weights = new double[outputs, inputs];
            for (int j = 0; j < outputs; j++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    _weights[j, i] = random.NextDouble() * 4 - 2;
                }
            }

            _biases = random.Next(3) == 0 ? null : Enumerable.Range(0, outputs).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            _inputs = Enumerable.Range(0, inputs).Select(_ => Input(random)).ToArray();
            _interiorInputs = random.Next(2) == 0;
            _coefficients = Enumerable.Range(0, outputs).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        }

        public int ParameterCount => _weights.Length + (_biases?.Length ?? 0);

        public static Layer Create(int seed) => new(seed);

        public override string ToString() =>
            $"case {_seed} ({_activation.Name}, {_weights.GetLength(1)} → {_weights.GetLength(0)}, {(_biases is null ? "no bias" : "bias")}, inputs [{string.Join(", ", _inputs.Select(x => x.ToString("R")))}])";

        /// <summary>The layer as one AffineMap; the leaves are the weights row by row, the biases, then the inputs.</summary>
        public (Value[] Outputs, Value[] Leaves) BuildFused()
        {
            (Value[][] weights, Value[]? biases, Value[] inputs, Value[] leaves) = Leaves();
            var map = new AffineMap(weights, biases, _activation.Operation);
            Value[] outputs = map.Apply(Interior(inputs));
            Loss(outputs).Backward();
            return (outputs, leaves);
        }

        /// <summary>The same layer as micrograd's neuron builds it: b + w0*x0 + w1*x1 + ..., then the activation.</summary>
        public (Value[] Outputs, Value[] Leaves) BuildDecomposed()
        {
            (Value[][] weights, Value[]? biases, Value[] inputs, Value[] leaves) = Leaves();
            Value[] x = Interior(inputs);
            var outputs = new Value[weights.Length];
            for (int j = 0; j < weights.Length; j++)
            {
                Value sum = biases?[j] ?? new Value(0.0);
                for (int i = 0; i < x.Length; i++)
                {
                    sum += weights[j][i] * x[i];
                }

                outputs[j] = _activation.Operation?.Apply(sum) ?? sum;
            }

            Loss(outputs).Backward();
            return (outputs, leaves);
        }

        public (Tensor Outputs, Tensor[] Leaves) BuildTorch()
        {
            int rows = _weights.GetLength(0);
            int columns = _weights.GetLength(1);
            var leaves = new List<Tensor>();
            var weightRows = new Tensor[rows];
            for (int j = 0; j < rows; j++)
            {
                var row = new Tensor[columns];
                for (int i = 0; i < columns; i++)
                {
                    row[i] = Reference.Torch.Scalar(_weights[j, i]);
                    leaves.Add(row[i]);
                }

                weightRows[j] = torch.stack(row);
            }

            Tensor[]? biases = _biases?.Select(Reference.Torch.Scalar).ToArray();
            if (biases is not null)
            {
                leaves.AddRange(biases);
            }

            Tensor[] inputLeaves = _inputs.Select(Reference.Torch.Scalar).ToArray();
            leaves.AddRange(inputLeaves);
            Tensor x = torch.stack(inputLeaves);
            if (_interiorInputs)
            {
                x = x * 1.0;
            }

            Tensor sums = (torch.stack(weightRows) * x.unsqueeze(0)).sum(1);
            if (biases is not null)
            {
                sums = sums + torch.stack(biases);
            }

            Tensor outputs = _activation.Torch(sums);
            (outputs * torch.tensor(_coefficients, dtype: ScalarType.Float64)).sum().backward();
            return (outputs.detach(), leaves.ToArray());
        }

        private (Value[][] Weights, Value[]? Biases, Value[] Inputs, Value[] Leaves) Leaves()
        {
            int rows = _weights.GetLength(0);
            int columns = _weights.GetLength(1);
            Value[][] weights = Enumerable.Range(0, rows)
                .Select(j => Enumerable.Range(0, columns).Select(i => new Value(_weights[j, i])).ToArray())
                .ToArray();
            Value[]? biases = _biases?.Select(b => new Value(b)).ToArray();
            Value[] inputs = _inputs.Select(x => new Value(x)).ToArray();
            Value[] leaves = [.. weights.SelectMany(row => row), .. biases ?? [], .. inputs];
            return (weights, biases, inputs, leaves);
        }

        // Inputs that come from a graph of their own (x * 1, the same number) exercise the traversal's handling of
        // an input vector shared by every row.
        private Value[] Interior(Value[] inputs) => _interiorInputs ? inputs.Select(x => x * 1.0).ToArray() : inputs;

        private Value Loss(Value[] outputs)
        {
            Value loss = _coefficients[0] * outputs[0];
            for (int j = 1; j < outputs.Length; j++)
            {
                loss += _coefficients[j] * outputs[j];
            }

            return loss;
        }

        private static double Input(Random random) => random.Next(12) switch
        {
            0 => double.PositiveInfinity,
            1 => double.NegativeInfinity,
            2 => double.NaN,
            3 => 0.0,
            4 => -0.0,
            _ => random.NextDouble() * 6 - 3,
        };
    }

    [Fact]
    public void Second_derivatives_through_a_fused_GELU_layer_equal_those_of_the_same_layer_built_from_operations()
    {
        // GELU's derivative depends on its input w·x + b, so the second derivative must see that sum as a graph.
        // Both sides compute the same expression; the decomposed one is differentiated operation by operation.
        double[] point = [0.3, -0.7, 0.5, 0.9, -0.2, 0.4];
        Value Fused(IReadOnlyList<Value> v) =>
            new AffineMap([[v[0], v[1]]], [v[2]], UnaryOperation.Gelu).Apply([v[3], v[4]])[0] * v[5];
        Value Decomposed(IReadOnlyList<Value> v) => (v[2] + v[0] * v[3] + v[1] * v[4]).Gelu() * v[5];

        double[,] fused = Gradients.Hessian(Fused, point);
        double[,] decomposed = Gradients.Hessian(Decomposed, point);

        fused.Should().BeEquivalentTo(decomposed, options => options.WithStrictOrdering());
        fused[3, 3].Should().NotBe(0, "the input's second derivative goes through GELU's curvature");
    }
}
