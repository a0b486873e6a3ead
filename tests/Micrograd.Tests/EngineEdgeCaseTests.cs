namespace Micrograd.Tests;

/// <summary>
/// Behaviour that mutation testing found unchecked: whole error messages, relabelling, empty products, fused
/// layers whose activation's derivative depends on its input, and compiled layers of every size.
/// </summary>
public sealed class EngineEdgeCaseTests
{
    [Fact]
    public void Dot_of_vectors_of_different_lengths_names_both_lengths()
    {
        Action act = () => Value.Dot([1.0, 2.0], [1.0, 2.0, 3.0]);
        act.Should().Throw<ArgumentException>()
            .WithMessage("Both vectors must have the same length: left has 2 values and right has 3.*")
            .WithParameterName("right");
    }

    [Fact]
    public void Dot_with_a_null_element_names_the_vector_and_the_index()
    {
        Action act = () => Value.Dot([1.0, null!], [1.0, 2.0]);
        act.Should().Throw<ArgumentNullException>()
            .WithMessage("left[1] is null.*")
            .WithParameterName("left");
    }

    [Fact]
    public void Sum_with_a_null_element_names_the_index()
    {
        Action act = () => Value.Sum(new Value(1.0), null!);
        act.Should().Throw<ArgumentNullException>()
            .WithMessage("values[1] is null.*")
            .WithParameterName("values");
    }

    [Fact]
    public void Function_with_a_gradient_count_unlike_the_input_count_names_both_counts()
    {
        var x = new Value(1.0);
        Action numbers = () => Value.Function("f", [x, x], 0.0, [1.0]);
        Action values = () => Value.Function("f", [x, x], 0.0, [x]);
        foreach (Action act in new[] { numbers, values })
        {
            act.Should().Throw<ArgumentException>()
                .WithMessage("There must be one local gradient per input: inputs has 2 values and localGradients has 1 gradient.*")
                .WithParameterName("localGradients");
        }
    }

    [Fact]
    public void Function_with_a_null_input_names_the_index()
    {
        Action act = () => Value.Function("f", [new Value(1.0), null!], 0.0, [1.0, 1.0]);
        act.Should().Throw<ArgumentNullException>()
            .WithMessage("inputs[1] is null.*")
            .WithParameterName("inputs");
    }

    [Fact]
    public void A_second_derivative_through_a_Function_with_number_gradients_is_refused_with_the_way_out()
    {
        var x = new Value(2.0);
        Value y = Value.Function("square", [x], 4.0, [4.0]);
        Action act = () => Gradients.Of(y, [x], createGraph: true);
        act.Should().Throw<NotSupportedException>().WithMessage(
            "Cannot differentiate through the user-defined operation 'square' with createGraph: true: its local "
            + "gradients are numbers, which have no derivatives of their own. Make it with a Value.Function overload whose "
            + "localGradients are values built from the inputs (Value.Function(name, inputs, data, IReadOnlyList<Value> "
            + "localGradients), or Value.Function(name, inputs, evaluate, localGradients)); those can be differentiated to any order.");
    }

    [Fact]
    public void A_label_can_be_replaced_and_removed()
    {
        var x = new Value(1.0, "first");
        x.Label = "second";
        x.Label.Should().Be("second");
        x.ToString().Should().Be("Value(data=1, grad=0, label=second)");
        x.Label = null;
        x.Label.Should().BeNull();
    }

    [Fact]
    public void Dot_of_two_empty_vectors_is_a_zero_leaf()
    {
        Value dot = Value.Dot([], []);
        dot.IsLeaf.Should().BeTrue();
        dot.Data.Should().Be(0.0);
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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_compiled_layer_of_any_number_of_rows_recomputes_every_row(int rows)
    {
        var x = new Value(0.5);
        var inputs = new[] { x * 1.0, x * 2.0 };
        var weights = Enumerable.Range(0, rows).Select(r => new[] { new Value(0.1 * (r + 1)), new Value(-0.2) }).ToArray();
        var biases = Enumerable.Range(0, rows).Select(r => new Value(0.05 * r)).ToArray();
        var map = new AffineMap(weights, biases, UnaryOperation.Tanh);
        Value[] outputs = map.Apply(inputs);
        CompiledGraph compiled = Value.Sum(outputs).Compile();

        x.Data = -1.5;
        compiled.Forward();

        for (int r = 0; r < rows; r++)
        {
            double expected = Math.Tanh(0.05 * r + 0.1 * (r + 1) * -1.5 + -0.2 * -3.0);
            outputs[r].Data.Should().Be(expected, "row {0} follows the new input", r);
        }
    }

    [Fact]
    public void A_compiled_layer_with_computed_weights_recomputes_each_row_after_its_own_weights()
    {
        // Each row's weights are computed from p, and the program may place a row's weights after another row
        // of the same layer: rows whose weights are not leaves must not be recomputed together.
        var p = new Value(1.0);
        var x = new Value(0.5);
        var weights = Enumerable.Range(0, 4).Select(r => new[] { p * (double)(r + 1), p * -1.0 }).ToArray();
        Value[] outputs = new AffineMap(weights).Apply([x, x * 3.0]);
        CompiledGraph compiled = Value.Sum(outputs).Compile();

        p.Data = 2.0;
        x.Data = 0.25;
        compiled.Forward();

        for (int r = 0; r < 4; r++)
        {
            // w = (2(r + 1), -2), inputs (0.25, 0.75): exact in binary
            outputs[r].Data.Should().Be(2.0 * (r + 1) * 0.25 - 2.0 * 0.75, "row {0}", r);
        }
    }

    // The interactive graph page shows each operation's local derivatives and formula; its data is JSON in the page.
    [Fact]
    public void The_graph_page_shows_the_local_derivatives_and_formula_of_a_dot_product()
    {
        Value dot = Value.Dot([1.0, 2.0], [3.0, 4.0]);
        dot.ToHtml().Should().Contain("\"local\":[3,4,1,2],\"formula\":\"out = Σ aᵢ·bᵢ:  ∂out/∂aᵢ = bᵢ,  ∂out/∂bᵢ = aᵢ\"");
    }

    [Fact]
    public void The_graph_page_shows_the_local_derivatives_and_formula_of_a_sum()
    {
        Value sum = Value.Sum(1.0, 2.0, 3.0);
        sum.ToHtml().Should().Contain("\"local\":[1,1,1],\"formula\":\"out = Σ aᵢ:  ∂out/∂aᵢ = 1 for each of the 3 inputs\"");
    }

    [Fact]
    public void The_graph_page_shows_the_local_derivatives_and_formula_of_a_user_defined_operation()
    {
        var x = new Value(2.0);
        Value y = Value.Function("f", [x, x], 4.0, [2.5, -1.0]);
        y.ToHtml().Should().Contain("\"local\":[2.5,-1],\"formula\":\"out = f(…):  ∂out/∂inputᵢ as given by its definition\"");
    }

    [Fact]
    public void The_graph_page_shows_the_local_derivatives_and_formula_of_an_affine_node()
    {
        // out = 2·5 + 3·7 + b: ∂out/∂w = x = (5, 7), ∂out/∂x = w = (2, 3), ∂out/∂b = 1
        Value withBias = new AffineMap([[2.0, 3.0]], [1.0]).Apply([5.0, 7.0])[0];
        withBias.ToHtml().Should().Contain("\"local\":[5,7,2,3,1],\"formula\":\"out = w·x+b:  act′ = 1 at a = w·x+b;"
            + "  ∂out/∂wᵢ = act′·xᵢ,  ∂out/∂xᵢ = act′·wᵢ,  ∂out/∂b = act′\"");

        // ReLU of a negative sum has slope 0, and 0 × -5 is -0 in IEEE arithmetic; the page escapes ">" in its data.
        Value noBias = new AffineMap([[2.0, 3.0]], activation: UnaryOperation.Relu).Apply([-5.0, -7.0])[0];
        noBias.ToHtml().Should().Contain("\"local\":[-0,-0,0,0],\"formula\":\"out = ReLU(w·x):  act′ = 1 if out \\u003e 0, else 0 at a = w·x+b;"
            + "  ∂out/∂wᵢ = act′·xᵢ,  ∂out/∂xᵢ = act′·wᵢ\"");
    }
}
