using Micrograd.Tests.Reference;

namespace Micrograd.Tests.Engine;

/// <summary><see cref="AffineMap"/>: activation(w·x + b) per row as one node, over inputs every row shares.</summary>
public sealed class AffineMapTests
{
    [Theory]
    [InlineData(true, "tanh", "tanh(w·x+b)")]
    [InlineData(true, null, "w·x+b")]
    [InlineData(false, null, "w·x")]
    [InlineData(false, "gelu", "gelu(w·x)")]
    public void Each_row_is_one_node_whose_operator_is_the_maps_formula(bool withBias, string? activation, string formula)
    {
        UnaryOperation? operation = activation switch { "tanh" => UnaryOperation.Tanh, "gelu" => UnaryOperation.Gelu, _ => null };
        var map = new AffineMap([[new Value(1), new Value(2)], [new Value(3), new Value(4)]], withBias ? [new Value(0.5), new Value(-0.5)] : null, operation);
        Value[] outputs = map.Apply([new Value(1.0), new Value(-1.0)]);
        outputs.Should().HaveCount(2);
        outputs.Should().OnlyContain(y => y.Operator == formula);
        map.Formula.Should().Be(formula);
        map.InputCount.Should().Be(2);
        map.OutputCount.Should().Be(2);
        map.Activation.Should().BeSameAs(operation);
    }

    [Fact]
    public void A_rows_inputs_are_its_weights_then_the_inputs_then_its_bias()
    {
        Value w0 = new(1), w1 = new(2), b = new(3), x0 = new(4), x1 = new(5);
        Value y = new AffineMap([[w0, w1]], [b]).Apply([x0, x1])[0];
        y.Inputs.Should().Equal(w0, w1, x0, x1, b);
        y.Data.Should().Be(3 + 1 * 4 + 2 * 5);
    }

    [Fact]
    public void Weights_and_biases_may_be_computed_values_and_receive_their_gradients()
    {
        // Tied weights: both rows use u * 2; the bias is v squared.
        (double[] fused, double[] decomposed) = Both((u, v, x) =>
        {
            Value w = u * 2;
            Value bias = v.Pow(2);
            Value[] y = new AffineMap([[w, x[0]], [x[1], w]], [bias, bias], UnaryOperation.Sigmoid).Apply(x);
            return y[0] * y[1];
        },
        (u, v, x) =>
        {
            Value w = u * 2;
            Value bias = v.Pow(2);
            Value y0 = (bias + w * x[0] + x[0] * x[1]).Sigmoid();
            Value y1 = (bias + x[1] * x[0] + w * x[1]).Sigmoid();
            return y0 * y1;
        });
        fused.Should().HaveCount(4);
        for (int i = 0; i < fused.Length; i++)
        {
            fused[i].ShouldBeCloseTo(decomposed[i], $"gradient {i}");
        }
    }

    [Fact]
    public void A_map_over_hundreds_of_computed_inputs_back_propagates_to_each_of_them()
    {
        const int n = 300; // far more than the traversal's first stack holds
        var random = new Random(3);
        Value[] leaves = Enumerable.Range(0, n).Select(_ => new Value(random.NextDouble() - 0.5)).ToArray();
        Value[][] weights = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, n).Select(_ => new Value(random.NextDouble() - 0.5)).ToArray()).ToArray();
        Value[] inputs = leaves.Select(x => x.Tanh()).ToArray();
        Value[] y = new AffineMap(weights, null, UnaryOperation.Tanh).Apply(inputs);
        Value.Sum(y).Backward();

        for (int i = 0; i < n; i++)
        {
            double expected = 0;
            for (int j = 0; j < 3; j++)
            {
                expected += (1 - y[j].Data * y[j].Data) * weights[j][i].Data;
            }

            leaves[i].Grad.ShouldBeCloseTo(expected * (1 - inputs[i].Data * inputs[i].Data), $"gradient of input {i}", 1e-12);
        }
    }

    [Fact]
    public void Backward_twice_accumulates_in_weights_and_biases_as_in_leaves_anywhere()
    {
        var b = new Value(0.25);
        var w = new Value(2.0);
        Value y = new AffineMap([[w]], [b], UnaryOperation.Tanh).Apply([new Value(0.5)])[0];
        y.Backward();
        double once = b.Grad;
        once.Should().NotBe(0);
        y.Backward();
        b.Grad.Should().Be(2 * once);
        w.Grad.Should().Be(2 * 0.5 * once);
    }

    [Fact]
    public void Weights_are_read_at_each_Apply_and_inputs_are_copied()
    {
        var w = new Value(2.0);
        var map = new AffineMap([[w]]);
        var x = new Value(3.0);
        var inputs = new List<Value> { x };
        Value first = map.Apply(inputs)[0];
        inputs[0] = new Value(100.0);
        w.Data = 5.0;
        Value second = map.Apply([x])[0];
        first.Data.Should().Be(6.0);
        second.Data.Should().Be(15.0);
        first.Inputs.Should().Equal(w, x);
    }

    [Fact]
    public void Bad_weights_and_biases_are_refused_with_what_is_wrong()
    {
        Value v = new(1);
        FluentActions.Invoking(() => new AffineMap(null!)).Should().Throw<ArgumentNullException>().WithParameterName("weights");
        FluentActions.Invoking(() => new AffineMap([])).Should().Throw<ArgumentException>().WithParameterName("weights")
            .WithMessage("A map needs at least one row of weights. (Parameter 'weights')");
        FluentActions.Invoking(() => new AffineMap([[v, v], [v]])).Should().Throw<ArgumentException>().WithParameterName("weights")
            .WithMessage("Every row must be as long as the first: row 0 has 2 weights and row 1 has 1. (Parameter 'weights')");
        FluentActions.Invoking(() => new AffineMap([[v], null!])).Should().Throw<ArgumentNullException>().WithParameterName("weights")
            .WithMessage("weights[1] is null. (Parameter 'weights')");
        FluentActions.Invoking(() => new AffineMap([[v, null!]])).Should().Throw<ArgumentNullException>().WithParameterName("weights")
            .WithMessage("weights[0][1] is null. (Parameter 'weights')");
        FluentActions.Invoking(() => new AffineMap([[v], [v]], [v])).Should().Throw<ArgumentException>().WithParameterName("biases")
            .WithMessage("There must be one bias per row: weights has 2 rows and biases has 1. (Parameter 'biases')");
        FluentActions.Invoking(() => new AffineMap([[v], [v]], [v, null!])).Should().Throw<ArgumentNullException>().WithParameterName("biases")
            .WithMessage("biases[1] is null. (Parameter 'biases')");
    }

    [Fact]
    public void Bad_inputs_are_refused_with_what_is_wrong()
    {
        var map = new AffineMap([[new Value(1), new Value(2)]]);
        FluentActions.Invoking(() => map.Apply(null!)).Should().Throw<ArgumentNullException>().WithParameterName("inputs");
        FluentActions.Invoking(() => map.Apply([new Value(1)])).Should().Throw<ArgumentException>().WithParameterName("inputs")
            .WithMessage("The map takes 2 inputs, but inputs has 1. (Parameter 'inputs')");
        FluentActions.Invoking(() => map.Apply([new Value(1), null!])).Should().Throw<ArgumentNullException>().WithParameterName("inputs");
    }

    [Fact]
    public void ToString_gives_the_formula_and_the_size() =>
        new AffineMap([[new Value(1), new Value(2), new Value(3)]], [new Value(0)], UnaryOperation.Relu).ToString().Should().Be("ReLU(w·x+b), 3 → 1");

    private static (double[] Fused, double[] Decomposed) Both(Func<Value, Value, Value[], Value> fused, Func<Value, Value, Value[], Value> decomposed)
    {
        double[] Run(Func<Value, Value, Value[], Value> build)
        {
            var u = new Value(0.3);
            var v = new Value(-0.7);
            Value[] x = [new Value(1.5), new Value(-0.5)];
            build(u, v, [x[0] * 1.0, x[1] * 1.0]).Backward();
            return [u.Grad, v.Grad, x[0].Grad, x[1].Grad];
        }

        return (Run(fused), Run(decomposed));
    }
}
