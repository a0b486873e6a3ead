using Micrograd.Tests.Reference;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Micrograd.Tests.HigherOrder;

/// <summary>
/// Second and third derivatives of every operation, from <see cref="Gradients.Of"/> with <c>createGraph: true</c>,
/// against TorchSharp's <c>torch.autograd.grad</c> with <c>create_graph: true</c> in float64.
/// </summary>
public sealed class OperationDerivativeTests
{
    // Finite points: both libraries differentiate formulas, and at ±∞ or NaN different but equivalent formulas give
    // different non-numbers. The kinks of ReLU, abs and leaky ReLU at 0 are included.
    private static readonly double[] Points = [-25.0, -3.5, -1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 1.0, 2.7, 5.0, 10.0];

    private static readonly double[] PairPoints = [-3.5, -1.0, -0.5, 0.0, 0.25, 1.0, 2.7];

    private const int Orders = 3;

    public static TheoryData<UnaryOperations.Entry> UnaryCases() => UnaryOperations.Theory();

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void First_second_and_third_derivatives_of_each_unary_operation_match_TorchSharp(UnaryOperations.Entry entry)
    {
        var failures = new List<string>();
        foreach (double x in Points)
        {
            var input = new Value(x);
            double[] mine = Successive.Derivatives(entry.Method(input), input, Orders);

            using var scope = torch.NewDisposeScope();
            Tensor tx = Torch.Scalar(x);
            double[] expected = TorchDerivative.Successive(entry.Torch(tx), tx, Orders);

            for (int n = 0; n < Orders; n++)
            {
                Compare(failures, $"d{n + 1} at x={x:R}", mine[n], expected[n]);
            }
        }

        failures.Should().BeEmpty();
    }

    public static TheoryData<string> BinaryCases() => new(Binary.Keys);

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Every_second_and_third_partial_derivative_of_each_binary_operation_matches_TorchSharp(string operation)
    {
        (Func<Value, Value, Value> mine, Func<Tensor, Tensor, Tensor> reference) = Binary[operation];
        var failures = new List<string>();
        foreach (double x in PairPoints)
        {
            foreach (double y in PairPoints)
            {
                if (operation == "**" && x <= 0)
                {
                    // ∂/∂a of a^b is masked to 0 at b = 0 (so also ∂²/∂a² at b = 1, and so on). PyTorch writes that mask
                    // with where(), whose derivative multiplies the branch not taken by 0, and that branch holds ln(a),
                    // −∞ or NaN for a ≤ 0: PyTorch's later derivatives are NaN there, where Micrograd's (a branch, whose
                    // constant 0 has derivative 0) are 0. Bases ≤ 0 are checked exactly in DerivativeExactTests.
                    continue;
                }

                var a = new Value(x);
                var b = new Value(y);
                Value[] inputs = [a, b];

                using var scope = torch.NewDisposeScope();
                Tensor ta = Torch.Scalar(x);
                Tensor tb = Torch.Scalar(y);
                Tensor[] tensors = [ta, tb];

                // Every sequence of inputs to differentiate by, up to three long: a, b, aa, ab, ba, bb, aaa, …
                var level = new List<(string Path, Value Mine, Tensor Torch)> { (string.Empty, mine(a, b), reference(ta, tb)) };
                for (int order = 1; order <= Orders; order++)
                {
                    var next = new List<(string, Value, Tensor)>();
                    foreach ((string path, Value value, Tensor tensor) in level)
                    {
                        IReadOnlyList<Value> ours = Gradients.Of(value, inputs, createGraph: true);
                        Tensor[] theirs = TorchDerivative.Of(tensor, tensors);
                        for (int i = 0; i < 2; i++)
                        {
                            string p = path + "ab"[i];
                            double expected = Torch.Data(theirs[i]);
                            Compare(failures, $"d/d{p} at a={x:R}, b={y:R}", ours[i].Data, expected);
                            next.Add((p, ours[i], theirs[i]));
                        }
                    }

                    level = next;
                }
            }
        }

        failures.Should().BeEmpty();
    }

    private static readonly Dictionary<string, (Func<Value, Value, Value>, Func<Tensor, Tensor, Tensor>)> Binary = new()
    {
        ["+"] = ((a, b) => a + b, (a, b) => a + b),
        ["-"] = ((a, b) => a - b, (a, b) => a - b),
        ["*"] = ((a, b) => a * b, (a, b) => a * b),
        ["/"] = ((a, b) => a / b, (a, b) => a / b),
        ["**"] = ((a, b) => a.Pow(b), (a, b) => a.pow(b)),
        ["max"] = (Value.Max, torch.maximum),
        ["min"] = (Value.Min, torch.minimum),
        ["sum"] = ((a, b) => Value.Sum(a, b, a), (a, b) => a + b + a),
        ["dot"] = ((a, b) => Value.Dot([a, b, a], [b, b, a]), (a, b) => a * b + b * b + a * a),
    };

    // 1e-12 relative as the first-derivative checks (ReferenceCheck), or 1e-14 absolute for finite numbers: the two
    // libraries differentiate different but equal formulas, and a small higher derivative can be the difference of
    // terms near 1 (GELU's second derivative at 5 is about -1e-5, and the two differ by 1e-15).
    private const double Relative = 1e-12;
    private const double Absolute = 1e-14;

    private static void Compare(List<string> failures, string what, double actual, double expected)
    {
        bool closeInAbsoluteTerms = double.IsFinite(actual) && double.IsFinite(expected) && Math.Abs(actual - expected) <= Absolute;
        if (!Closeness.AreClose(actual, expected, Relative) && !closeInAbsoluteTerms)
        {
            failures.Add($"{what} was {actual:R}, TorchSharp says {expected:R}");
        }
    }
}
