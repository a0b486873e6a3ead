namespace Micrograd.Tests.Pictures;

/// <summary>
/// The interactive graph page shows, for each operation, its local derivative as a formula with the number
/// plugged in (four decimals). The numbers here are worked out by hand at points where they are exact.
/// </summary>
public sealed class GraphPageFormulaTests
{
    public static TheoryData<string, Func<Value, Value>, double, string> UnaryCases() => new()
    {
        { "tanh", x => x.Tanh(), 0.0, "out = tanh(a):  ∂out/∂a = 1 − out² = 1.0000" },
        { "exp", x => x.Exp(), 0.0, "out = exp(a):  ∂out/∂a = out = 1.0000" },
        { "log", x => x.Log(), 2.0, "out = log(a):  ∂out/∂a = 1/a = 0.5000" },
        { "sin", x => x.Sin(), 0.0, "out = sin(a):  ∂out/∂a = cos a = 1.0000" },
        { "cos", x => x.Cos(), Math.PI / 2, "out = cos(a):  ∂out/∂a = −sin a = -1.0000" },
        { "sqrt", x => x.Sqrt(), 4.0, "out = sqrt(a):  ∂out/∂a = 1/(2·out) = 0.2500" },
        { "sigmoid", x => x.Sigmoid(), 0.0, "out = sigmoid(a):  ∂out/∂a = out·(1 − out) = 0.2500" },
        { "softplus", x => x.Softplus(), 0.0, "out = softplus(a):  ∂out/∂a = σ(a) = 0.5000" },
        { "gelu", x => x.Gelu(), 0.0, "out = gelu(a):  ∂out/∂a = ½(1 + t) + ½a(1 − t²)·k(1 + 3c·a²), t = tanh(k(a + c·a³)) = 0.5000" },
        { "ReLU", x => x.Relu(), 2.0, "out = ReLU(a):  ∂out/∂a = 1 if out \\u003e 0, else 0 = 1.0000" },
        { "leaky_relu(0.25)", x => x.LeakyRelu(0.25), -2.0, "out = leaky_relu(0.25)(a):  ∂out/∂a = 1 if a \\u003e 0, else 0.25 = 0.2500" },
        { "abs", x => x.Abs(), -3.0, "out = abs(a):  ∂out/∂a = sign(a) = -1.0000" },
        { "neg", x => -x, 5.0, "out = neg(a):  ∂out/∂a = −1 = -1.0000" },
        { "**3", x => x.Pow(3), 2.0, "out = **3(a):  ∂out/∂a = 3·a^(2) = 12.0000" },
        { "**-0.5", x => x.Pow(-0.5), 4.0, "out = **-0.5(a):  ∂out/∂a = -0.5·a^(-1.5) = -0.0625" },
    };

    public static TheoryData<string, Func<Value, Value, Value>, string> BinaryCases() => new()
    {
        // a = 3, b = 4 throughout
        { "+", (a, b) => a + b, "out = a + b:  ∂out/∂a = 1 = 1.0000,  ∂out/∂b = 1 = 1.0000" },
        { "-", (a, b) => a - b, "out = a - b:  ∂out/∂a = 1 = 1.0000,  ∂out/∂b = −1 = -1.0000" },
        { "*", (a, b) => a * b, "out = a * b:  ∂out/∂a = b = 4.0000,  ∂out/∂b = a = 3.0000" },
        { "/", (a, b) => a / b, "out = a / b:  ∂out/∂a = 1/b = 0.2500,  ∂out/∂b = −out/b = -0.1875" },
        { "**", (a, b) => a.Pow(b), "out = a ** b:  ∂out/∂a = b·a^(b − 1) = 108.0000,  ∂out/∂b = out·ln a = 88.9876" },
        { "max", Value.Max, "out = a max b:  ∂out/∂a = 1 if a \\u003e b, ½ if a = b, else 0 = 0.0000,  ∂out/∂b = 1 if b \\u003e a, ½ if a = b, else 0 = 1.0000" },
        { "min", Value.Min, "out = a min b:  ∂out/∂a = 1 if a \\u003c b, ½ if a = b, else 0 = 1.0000,  ∂out/∂b = 1 if b \\u003c a, ½ if a = b, else 0 = 0.0000" },
    };

    [Theory]
    [MemberData(nameof(UnaryCases))]
    public void A_unary_operation_shows_its_derivative_formula_with_the_number(string name, Func<Value, Value> operation, double point, string formula)
    {
        Value output = operation(new Value(point));
        output.Operator.Should().Be(name);
        output.ToHtml().Should().Contain("\"formula\":\"" + formula + "\"");
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void A_binary_operation_shows_both_derivative_formulas_with_the_numbers(string name, Func<Value, Value, Value> operation, string formula)
    {
        Value output = operation(new Value(3.0), new Value(4.0));
        output.Operator.Should().Be(name);
        output.ToHtml().Should().Contain("\"formula\":\"" + formula + "\"");
    }

    [Fact]
    public void Drawing_the_graph_page_changes_no_gradient()
    {
        var x = new Value(2.0);
        Value hidden = x * x;
        Value y = hidden.Tanh();
        y.Backward();
        double hiddenGradient = hidden.Grad;

        string page = y.ToHtml();

        hiddenGradient.Should().NotBe(0);
        (hidden.Grad, y.Grad).Should().Be((hiddenGradient, 1.0));
        page.Should().Contain("\"op\":\"tanh\"");
    }

    [Fact]
    public void The_graph_page_of_a_leaf_has_no_backward_steps()
    {
        new Value(2.0).ToHtml().Should().Contain("\"order\":[],\"root\":0}");
    }

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
