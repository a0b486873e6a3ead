using static Micrograd.Tests.Optimization.TestFunctions;

namespace Micrograd.Tests.Optimization;

/// <summary>
/// What a compiled function promises about memory: after the first calls, evaluating (and, for a smooth function,
/// multiplying by the Hessian) allocates nothing, so an optimizer's inner loop puts no load on the garbage collector.
/// </summary>
public sealed class CompiledFunctionAllocationTests
{
    [Fact]
    public void Evaluate_with_its_gradient_allocates_nothing()
    {
        double[] point = [.. Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? -1.2 : 1.0)];
        CompiledFunction f = Gradients.Compile(Rosenbrock, point);
        var gradient = new double[100];

        AllocatedBytes(() => f.Evaluate(point, gradient)).Should().Be(0);
    }

    [Fact]
    public void Evaluate_of_a_function_with_kinks_and_captured_values_allocates_nothing()
    {
        var weight = new Value(0.5);
        CompiledFunction f = Gradients.Compile(v => Kinked(v) * weight, KinkedStart);
        var gradient = new double[4];
        double[] point = [-0.5, 1.0, 2.0, 0.25];

        AllocatedBytes(() => f.Evaluate(point, gradient)).Should().Be(0);
        AllocatedBytes(() => f.Evaluate(point)).Should().Be(0);
    }

    [Fact]
    public void The_Hessian_vector_product_of_a_smooth_function_allocates_nothing_after_the_first_call()
    {
        double[] point = [.. Enumerable.Range(0, 100).Select(i => 0.01 * i)];
        double[] vector = [.. Enumerable.Range(0, 100).Select(i => 1.0 - 0.01 * i)];
        CompiledFunction f = Gradients.Compile(Rosenbrock, point);
        var product = new double[100];

        AllocatedBytes(() => f.HessianVectorProduct(point, vector, product)).Should().Be(0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_Hessian_vector_product_of_any_number_of_smooth_operations_allocates_nothing_after_the_first_call(int operations)
    {
        // x·y, then x·y·x, then x·y·x·y: each is smooth, whatever the count of its operations.
        CompiledFunction f = Gradients.Compile(
            v => Enumerable.Range(0, operations).Aggregate(v[0], (product, k) => product * v[(k + 1) % 2]),
            [0.5, 2.0]);
        double[] point = [1.5, -0.5];
        double[] vector = [1.0, 2.0];
        var product = new double[2];

        AllocatedBytes(() => f.HessianVectorProduct(point, vector, product)).Should().Be(0);
    }

    public static TheoryData<string> SmoothOperations =>
        ["+", "-", "*", "/", "neg", "exp", "log", "tanh", "sigmoid", "sin", "cos", "sqrt", "**3", "sum", "dot"];

    [Theory]
    [MemberData(nameof(SmoothOperations))]
    public void The_Hessian_vector_product_through_each_smooth_operation_allocates_nothing_after_the_first_call(string operation)
    {
        CompiledFunction f = Gradients.Compile(v => Through(operation, v[0], v[1]), [0.5, 2.0]);
        f.ToString().Should().Contain("1 value", "the function is the operation alone");
        double[] point = [1.5, 0.75];
        double[] vector = [1.0, 2.0];
        var product = new double[2];

        AllocatedBytes(() => f.HessianVectorProduct(point, vector, product)).Should().Be(0);
    }

    [Fact]
    public void The_Hessian_of_a_sparse_smooth_function_allocates_only_its_matrix_after_the_first_call()
    {
        // Rosenbrock's Hessian is tridiagonal: each row is a small program, compiled at the first call.
        double[] point = [.. Enumerable.Range(0, 30).Select(i => 0.1 * i)];
        CompiledFunction f = Gradients.Compile(Rosenbrock, point);
        const long matrix = 30 * 30 * sizeof(double);

        (AllocatedBytes(() => f.Hessian(point)) / 1000).Should().BeInRange(matrix, matrix + 64, "one 30 × 30 matrix and its header per call");
    }

    private static Value Through(string operation, Value x, Value y) => operation switch
    {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        "/" => x / y,
        "neg" => -x,
        "exp" => x.Exp(),
        "log" => x.Log(),
        "tanh" => x.Tanh(),
        "sigmoid" => x.Sigmoid(),
        "sin" => x.Sin(),
        "cos" => x.Cos(),
        "sqrt" => x.Sqrt(),
        "**3" => x.Pow(3),
        "sum" => Value.Sum(x, y, x),
        _ => Value.Dot([x, y], [y, x]),
    };

    /// <summary>The bytes this thread allocates over 1,000 calls, after 100 to warm up.</summary>
    private static long AllocatedBytes(Action action)
    {
        for (int i = 0; i < 100; i++)
        {
            action();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
