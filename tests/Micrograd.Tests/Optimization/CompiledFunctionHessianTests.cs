using static Micrograd.Tests.Optimization.TestFunctions;

namespace Micrograd.Tests.Optimization;

/// <summary>
/// <see cref="CompiledFunction.Hessian"/> and <see cref="CompiledFunction.HessianVectorProduct"/>: without calling
/// the function again, the numbers <see cref="Gradients.Hessian"/> and <see cref="Gradients.HessianVectorProduct"/>
/// give by rebuilding, bit for bit, whether the derivative graph is replayed (smooth operations) or built again on the
/// replayed graph (kinks).
/// </summary>
public sealed class CompiledFunctionHessianTests
{
    public static TheoryData<string> Functions => ["smooth", "kinked", "relu squared", "chain", "rosenbrock"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void The_Hessian_equals_Gradients_Hessian_bit_for_bit_at_random_points(string name)
    {
        (Func<IReadOnlyList<Value>, Value> function, double[] start) = Pick(name);
        int calls = 0;
        CompiledFunction f = Gradients.Compile(v => { calls++; return function(v); }, start);
        var random = new Random(name.Length);
        for (int k = 0; k < 20; k++)
        {
            double[] point = RandomPoint(random, start.Length, 2);
            double[,] mine = f.Hessian(point);
            double[,] expected = Gradients.Hessian(function, point);
            mine.Cast<double>().Zip(expected.Cast<double>()).Should().OnlyContain(pair => Same(pair.First, pair.Second), $"at ({string.Join(", ", point)})");
        }

        calls.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void The_Hessian_vector_product_equals_Gradients_HessianVectorProduct_bit_for_bit_at_random_points(string name)
    {
        (Func<IReadOnlyList<Value>, Value> function, double[] start) = Pick(name);
        CompiledFunction f = Gradients.Compile(function, start);
        var random = new Random(name.Length + 100);
        var product = new double[start.Length];
        for (int k = 0; k < 20; k++)
        {
            double[] point = RandomPoint(random, start.Length, 2);
            double[] vector = RandomPoint(random, start.Length, 1);
            f.HessianVectorProduct(point, vector, product);
            double[] expected = Gradients.HessianVectorProduct(function, point, vector);
            product.Zip(expected).Should().OnlyContain(pair => Same(pair.First, pair.Second), $"at ({string.Join(", ", point)})");
        }
    }

    [Fact]
    public void Where_a_ReLU_changes_side_the_Hessian_changes_with_it()
    {
        // f = relu(xy)² + xy²: ∂²/∂x² = 2y² where xy > 0 and 0 elsewhere; compiled where xy > 0.
        CompiledFunction f = Gradients.Compile(ReluSquared, [1.0, 2.0]);
        f.Hessian([1.0, 2.0])[0, 0].Should().Be(8);
        f.Hessian([-1.0, 2.0])[0, 0].Should().Be(0);

        var product = new double[2];
        f.HessianVectorProduct([-1.0, 2.0], [1.0, 0.0], product);
        product.Should().Equal(0, 4); // the first column: 0 and ∂²(xy²)/∂y∂x = 2y
    }

    [Fact]
    public void The_Hessian_leaves_the_gradients_of_captured_values_alone()
    {
        var scale = new Value(3.0) { Grad = 7 };
        CompiledFunction f = Gradients.Compile(v => scale * v[0] * v[1], [1.0, 2.0]);

        f.Hessian([2.0, 5.0]).Cast<double>().Should().Equal(0, 3, 3, 0);
        f.Hessian([1.0, 1.0]).Cast<double>().Should().Equal(0, 3, 3, 0);
        scale.Grad.Should().Be(7);
    }

    [Fact]
    public void A_power_whose_exponent_is_a_value_is_derived_again_at_each_point()
    {
        // ∂(a^b)/∂b is a^b·ln a, but 0 where a = 0 and b >= 0: the derivative's graph changes shape there.
        static Value Power(IReadOnlyList<Value> v) => v[0].Pow(v[1]);
        CompiledFunction f = Gradients.Compile(Power, [2.0, 3.0]);
        var product = new double[2];
        foreach (double[] point in new double[][] { [1.5, 2.0], [0.0, 2.0], [2.0, 0.0] })
        {
            f.Hessian(point).Cast<double>().Should().Equal(Gradients.Hessian(Power, point).Cast<double>(), Same);
            f.HessianVectorProduct(point, [1.0, 1.0], product);
            product.Should().Equal(Gradients.HessianVectorProduct(Power, point, [1.0, 1.0]), Same);
        }
    }

    [Fact]
    public void The_Rosenbrock_Hessian_in_50_dimensions_matches_the_tridiagonal_Hessian_written_by_hand()
    {
        var random = new Random(50);
        CompiledFunction f = Gradients.Compile(Rosenbrock, RandomPoint(random, 50, 2));
        for (int k = 0; k < 5; k++)
        {
            double[] point = RandomPoint(random, 50, 2);
            double[,] mine = f.Hessian(point);
            double[,] expected = RosenbrockHessianByHand(point);
            for (int i = 0; i < 50; i++)
            {
                for (int j = 0; j < 50; j++)
                {
                    mine[i, j].Should().BeApproximately(expected[i, j], 1e-9, $"H[{i}, {j}]");
                }
            }

            var vector = RandomPoint(random, 50, 1);
            var product = new double[50];
            f.HessianVectorProduct(point, vector, product);
            for (int i = 0; i < 50; i++)
            {
                double row = Enumerable.Range(0, 50).Sum(j => expected[i, j] * vector[j]);
                product[i].Should().BeApproximately(row, 1e-9);
            }
        }
    }

    [Fact]
    public void Hessians_and_evaluations_interleave_without_disturbing_each_other()
    {
        CompiledFunction f = Gradients.Compile(Smooth, [0.1, 0.2, 0.3]);
        var gradient = new double[3];
        var product = new double[3];
        double[] a = [0.5, -1.0, 0.25];
        double[] b = [-1.5, 0.5, 1.0];
        f.Hessian(a);
        f.HessianVectorProduct(b, [1.0, 2.0, 3.0], product);
        f.Evaluate(a, gradient);

        (double value, double[] expected) = Rebuild(Smooth, a);
        f.Evaluate(a, gradient).Should().Be(value);
        gradient.Should().Equal(expected);
    }

    /// <summary>A recurrence over the inputs, three times round: every row of the Hessian depends on the whole chain.</summary>
    private static Value Chain(IReadOnlyList<Value> v)
    {
        Value h = new(0.0);
        for (int round = 0; round < 3; round++)
        {
            foreach (Value x in v)
            {
                h = (h * 0.5 + x).Tanh();
            }
        }

        return h;
    }

    private static (Func<IReadOnlyList<Value>, Value> Function, double[] Start) Pick(string name) => name switch
    {
        "smooth" => (Smooth, [0.1, 0.2, 0.3]),
        "kinked" => (Kinked, KinkedStart),
        "chain" => (Chain, [0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -1.0]), // rows too large to compile each
        "rosenbrock" => (Rosenbrock, [.. Enumerable.Range(0, 30).Select(i => 0.1 * i)]), // a sparse, tridiagonal Hessian
        _ => (ReluSquared, [1.0, 2.0]),
    };
}
