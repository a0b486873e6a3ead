using Micrograd.Nn;
using Micrograd.Tests.Reference;
using TorchSharp;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.HigherOrder;

/// <summary><see cref="Gradients.Hessian"/>, <see cref="Gradients.HessianVectorProduct"/> and <see cref="Gradients.Jacobian"/>.</summary>
public sealed class HessianTests
{
    private const double Tolerance = 1e-10;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_Hessian_of_the_README_expression_matches_TorchSharp(bool useRelu)
    {
        double[,] mine = Gradients.Hessian(v => MicrogradReadme.Expression(v[0], v[1], useRelu), [-4.0, 2.0]);

        using var scope = torch.NewDisposeScope();
        Tensor a = Torch.Scalar(-4.0);
        Tensor b = Torch.Scalar(2.0);
        double[,] expected = TorchHessian(MicrogradReadme.Expression(a, b, useRelu), [a, b]);

        ShouldMatch(mine, expected);
    }

    [Fact]
    public void The_Hessian_of_a_small_MLPs_loss_with_respect_to_its_parameters_matches_TorchSharp()
    {
        var model = new MLP(2, [3, 3, 1], Activation.Tanh, Activation.Linear, new Random(7));
        double[,] inputs = { { 0.5, -1.0 }, { -0.25, 0.75 }, { 1.5, 0.1 }, { -0.8, -0.3 } };
        double[] targets = [1.0, -1.0, 0.5, 0.0];
        Value[] parameters = [.. model.Parameters()];

        Value loss = Losses.MeanSquaredError(
            [.. Enumerable.Range(0, 4).Select(n => model.Forward(inputs[n, 0], inputs[n, 1])[0])], targets);
        IReadOnlyList<Value> gradient = Gradients.Of(loss, parameters, createGraph: true);
        var mine = new double[parameters.Length, parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            IReadOnlyList<Value> row = Gradients.Of(gradient[i], parameters);
            for (int j = 0; j < parameters.Length; j++)
            {
                mine[i, j] = row[j].Data;
            }
        }

        using var scope = torch.NewDisposeScope();
        var network = new TorchNetwork(model);
        Tensor predictions = network.Forward(inputs).squeeze(1);
        Tensor torchLoss = (predictions - torch.tensor(targets, dtype: ScalarType.Float64)).pow(2).mean();
        Tensor[] tensors = [.. network.Weights, .. network.Biases];
        Tensor[] grads = TorchDerivative.Of(torchLoss, tensors);
        List<Tensor> elements = InMicrogradOrder(network, grads);
        elements.Count.Should().Be(parameters.Length, "the two networks have the same parameters");
        var expected = new double[parameters.Length, parameters.Length];
        for (int i = 0; i < elements.Count; i++)
        {
            List<Tensor> row = InMicrogradOrder(network, TorchDerivative.Of(elements[i], tensors));
            for (int j = 0; j < row.Count; j++)
            {
                expected[i, j] = Torch.Data(row[j]);
            }
        }

        ShouldMatch(mine, expected);
    }

    [Fact]
    public void The_Hessian_of_a_quadratic_form_is_its_symmetric_matrix_exactly()
    {
        // f = x² + 3xy − 2y² + 5yz + z: H = [[2, 3, 0], [3, −4, 5], [0, 5, 0]]
        double[,] h = Gradients.Hessian(v => v[0] * v[0] + 3 * v[0] * v[1] - 2 * v[1] * v[1] + 5 * v[1] * v[2] + v[2], [0.3, -1.7, 2.5]);
        h.Should().BeEquivalentTo(new double[,] { { 2, 3, 0 }, { 3, -4, 5 }, { 0, 5, 0 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_Hessian_vector_product_equals_the_Hessian_times_the_vector()
    {
        Func<IReadOnlyList<Value>, Value> rosenbrock = Rosenbrock;
        double[] point = [-1.2, 1.0, 0.7];
        double[] vector = [0.5, -2.0, 3.0];

        double[] product = Gradients.HessianVectorProduct(rosenbrock, point, vector);

        // Rosenbrock in three variables, differentiated by hand:
        // f = Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)²
        // ∂²f/∂x_i² = 1200 x_i² − 400 x_{i+1} + 2 (+ 200 if i > 0), ∂²f/∂x_i∂x_{i+1} = −400 x_i
        double x0 = point[0], x1 = point[1], x2 = point[2];
        double[,] h =
        {
            { 1200 * x0 * x0 - 400 * x1 + 2, -400 * x0, 0 },
            { -400 * x0, 200 + 1200 * x1 * x1 - 400 * x2 + 2, -400 * x1 },
            { 0, -400 * x1, 200 },
        };
        for (int i = 0; i < 3; i++)
        {
            double expected = h[i, 0] * vector[0] + h[i, 1] * vector[1] + h[i, 2] * vector[2];
            product[i].ShouldBeCloseTo(expected, $"(Hv)[{i}]", 1e-13);
        }

        double[,] full = Gradients.Hessian(rosenbrock, point);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                full[i, j].ShouldBeCloseTo(h[i, j], $"H[{i},{j}]", 1e-13);
            }
        }
    }

    [Fact]
    public void A_Hessian_vector_product_calls_the_function_once_and_needs_no_Hessian()
    {
        const int n = 200;
        int calls = 0;
        double[] point = [.. Enumerable.Range(0, n).Select(i => 0.01 * i)];
        double[] vector = [.. Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 1.0 : -2.0)];
        double[] product = Gradients.HessianVectorProduct(
            v =>
            {
                calls++;
                return Value.Sum(v.Select(x => x * x * x)); // H = diag(6x), so (Hv)_i = 6 x_i v_i
            },
            point,
            vector);

        calls.Should().Be(1);
        for (int i = 0; i < n; i++)
        {
            product[i].ShouldBeCloseTo(6 * point[i] * vector[i], $"(Hv)[{i}]", 1e-15);
        }
    }

    [Fact]
    public void The_Jacobian_of_polar_to_Cartesian_coordinates_is_exact_at_angle_zero()
    {
        double[,] j = Gradients.Jacobian(v => [v[0] * v[1].Cos(), v[0] * v[1].Sin()], [2.0, 0.0]);

        // [[cos θ, −r sin θ], [sin θ, r cos θ]] at r = 2, θ = 0
        j.Should().BeEquivalentTo(new double[,] { { 1, 0 }, { 0, 2 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void The_Jacobian_has_one_row_per_output_and_one_column_per_input()
    {
        double[,] j = Gradients.Jacobian(v => [v[0] * v[1], v[1] + v[2], v[2].Exp(), v[0]], [2.0, 3.0, 0.0]);
        j.Should().BeEquivalentTo(
            new double[,] { { 3, 2, 0 }, { 0, 1, 1 }, { 0, 0, 1 }, { 1, 0, 0 } },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Func<IReadOnlyList<Value>, Value> f = v => v[0] * v[0];
        FluentActions.Invoking(() => Gradients.Hessian(null!, [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("function");
        FluentActions.Invoking(() => Gradients.Hessian(f, null!)).Should().Throw<ArgumentNullException>().WithParameterName("point");
        FluentActions.Invoking(() => Gradients.Jacobian(null!, [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("function");
        FluentActions.Invoking(() => Gradients.Jacobian(v => [v[0]], null!)).Should().Throw<ArgumentNullException>().WithParameterName("point");
        FluentActions.Invoking(() => Gradients.HessianVectorProduct(null!, [1.0], [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("function");
        FluentActions.Invoking(() => Gradients.HessianVectorProduct(f, null!, [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("point");
        FluentActions.Invoking(() => Gradients.HessianVectorProduct(f, [1.0], null!)).Should().Throw<ArgumentNullException>().WithParameterName("vector");
    }

    [Fact]
    public void A_vector_of_the_wrong_length_is_refused_by_name()
    {
        FluentActions.Invoking(() => Gradients.HessianVectorProduct(v => v[0] * v[1], [1.0, 2.0], [1.0]))
            .Should().Throw<ArgumentException>().WithParameterName("vector")
            .WithMessage("The vector must be as long as the point: point has 2 coordinates and vector has 1. (Parameter 'vector')");
    }

    [Fact]
    public void A_function_that_returns_null_is_reported()
    {
        const string NoValue = "The function returned null instead of a value.";
        FluentActions.Invoking(() => Gradients.Hessian(_ => null!, [1.0])).Should().Throw<InvalidOperationException>().WithMessage(NoValue);
        FluentActions.Invoking(() => Gradients.HessianVectorProduct(_ => null!, [1.0], [1.0])).Should().Throw<InvalidOperationException>().WithMessage(NoValue);
        FluentActions.Invoking(() => Gradients.Jacobian(_ => null!, [1.0])).Should().Throw<InvalidOperationException>()
            .WithMessage("The function returned null instead of a list of values.");
        FluentActions.Invoking(() => Gradients.Jacobian(v => [v[0], null!], [1.0])).Should().Throw<InvalidOperationException>()
            .WithMessage("The function's outputs must not contain null (index 1).");
    }

    private static Value Rosenbrock(IReadOnlyList<Value> x)
    {
        Value sum = new(0.0);
        for (int i = 0; i + 1 < x.Count; i++)
        {
            sum += 100 * (x[i + 1] - x[i] * x[i]).Pow(2) + (1 - x[i]).Pow(2);
        }

        return sum;
    }

    private static double[,] TorchHessian(Tensor output, Tensor[] inputs)
    {
        Tensor[] gradient = TorchDerivative.Of(output, inputs);
        var h = new double[inputs.Length, inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            Tensor[] row = TorchDerivative.Of(gradient[i], inputs);
            for (int j = 0; j < inputs.Length; j++)
            {
                h[i, j] = Torch.Data(row[j]);
            }
        }

        return h;
    }

    /// <summary>Per-tensor gradients (weights, then biases) as one scalar tensor per parameter, in Micrograd's order: per neuron, its weights, then its bias.</summary>
    private static List<Tensor> InMicrogradOrder(TorchNetwork network, Tensor[] grads)
    {
        int layers = network.Weights.Count;
        var elements = new List<Tensor>();
        for (int l = 0; l < layers; l++)
        {
            Tensor w = grads[l];
            Tensor b = grads[layers + l];
            for (long o = 0; o < w.shape[0]; o++)
            {
                for (long i = 0; i < w.shape[1]; i++)
                {
                    elements.Add(w[o, i]);
                }

                elements.Add(b[o]);
            }
        }

        return elements;
    }

    private static void ShouldMatch(double[,] mine, double[,] expected)
    {
        mine.GetLength(0).Should().Be(expected.GetLength(0));
        mine.GetLength(1).Should().Be(expected.GetLength(1));
        var failures = new List<string>();
        for (int i = 0; i < mine.GetLength(0); i++)
        {
            for (int j = 0; j < mine.GetLength(1); j++)
            {
                if (!Closeness.AreClose(mine[i, j], expected[i, j], Tolerance) && !(Math.Abs(mine[i, j] - expected[i, j]) <= 1e-13))
                {
                    failures.Add($"H[{i},{j}] was {mine[i, j]:R}, TorchSharp says {expected[i, j]:R}");
                }
            }
        }

        failures.Should().BeEmpty();
    }
}
