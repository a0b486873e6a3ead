namespace Micrograd.Tests.Engine;

/// <summary>
/// Each <see cref="Value.Function(string, IReadOnlyList{Value}, double, IReadOnlyList{double})"/> overload under
/// <see cref="Value.Backward"/>, <see cref="Gradients.Of"/> with <c>createGraph: true</c>, and <see cref="Value.Compile"/>:
/// an operation given what a mode needs works in it, and one that is not is refused with its name and what is missing.
/// softsign(x) = x / (1 + |x|): its derivative is 1 / (1 + |x|)², its second derivative −2·sign(x) / (1 + |x|)³.
/// </summary>
public sealed class UserDefinedOperationModeTests
{
    public static TheoryData<string> Overloads() => new() { "numbers", "values", "evaluate", "evaluate and values" };

    [Theory]
    [MemberData(nameof(Overloads))]
    public void Every_overload_back_propagates_its_local_gradient(string overload)
    {
        var x = new Value(0.5);
        Value y = Softsign(overload, x);
        y.Backward();

        y.Data.Should().BeApproximately(1.0 / 3, 1e-15);
        x.Grad.Should().BeApproximately(4.0 / 9, 1e-15);
    }

    [Theory]
    [InlineData("values")]
    [InlineData("evaluate and values")]
    public void Overloads_with_local_gradients_as_values_give_second_derivatives(string overload)
    {
        var x = new Value(0.5);
        Value slope = Gradients.Of(Softsign(overload, x), [x], createGraph: true)[0];

        slope.Data.Should().BeApproximately(4.0 / 9, 1e-15);
        Gradients.Of(slope, [x])[0].Data.Should().BeApproximately(-16.0 / 27, 1e-15);
    }

    [Theory]
    [InlineData("numbers", "its local gradients are numbers, which")]
    [InlineData("evaluate", "its local gradients are numbers from its evaluate function, which")]
    public void Overloads_with_numbers_only_refuse_a_second_derivative_saying_what_is_missing(string overload, string missing)
    {
        var x = new Value(0.5);
        Value y = Softsign(overload, x);

        FluentActions.Invoking(() => Gradients.Of(y, [x], createGraph: true)).Should().Throw<NotSupportedException>()
            .WithMessage("Cannot differentiate through the user-defined operation 'softsign' with createGraph: true: " + missing + "*"
                + "Value.Function(name, inputs, evaluate, localGradients)*");
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("evaluate and values")]
    public void Overloads_with_an_evaluate_function_replay_at_new_inputs(string overload)
    {
        var x = new Value(0.5);
        Value y = Softsign(overload, x);
        CompiledGraph program = y.Compile();

        x.Data = -2.0;
        program.Forward();
        program.Backward();

        y.Data.Should().BeApproximately(-2.0 / 3, 1e-15);
        x.Grad.Should().BeApproximately(1.0 / 9, 1e-15);
    }

    [Fact]
    public void The_overload_with_evaluate_and_values_gives_second_derivatives_after_a_replay()
    {
        var x = new Value(0.5);
        Value y = Softsign("evaluate and values", x);
        CompiledGraph program = y.Compile();
        x.Data = -2.0;
        program.Forward();

        Value slope = Gradients.Of(y, [x], createGraph: true)[0];

        slope.Data.Should().BeApproximately(1.0 / 9, 1e-15);
        Gradients.Of(slope, [x])[0].Data.Should().BeApproximately(2.0 / 27, 1e-15);
    }

    [Theory]
    [InlineData("numbers", "was given its value and local gradients as numbers, so it cannot compute them again")]
    [InlineData("values", "was given its value as a number, so it cannot compute it again")]
    public void Overloads_without_an_evaluate_function_refuse_to_compile_saying_what_is_missing(string overload, string missing)
    {
        Value y = Softsign(overload, new Value(0.5)).Tanh();

        FluentActions.Invoking(() => y.Compile()).Should().Throw<NotSupportedException>()
            .WithMessage("This graph cannot be compiled: the user-defined operation 'softsign' " + missing
                + " for new inputs; make it with a Value.Function overload that takes an evaluate function.");
    }

    [Fact]
    public void An_empty_name_is_refused_because_an_empty_operator_marks_a_leaf()
    {
        var x = new Value(1.0);
        Action[] overloads =
        [
            () => Value.Function("", [x], 1.0, [1.0]),
            () => Value.Function("", [x], 1.0, [x]),
            () => Value.Function("", [x], (input, gradients) => input[0]),
            () => Value.Function("", [x], (input, gradients) => input[0], inputs => [inputs[0]]),
        ];

        foreach (Action act in overloads)
        {
            act.Should().Throw<ArgumentException>().WithParameterName("name").WithMessage("*empty Operator*leaf*");
        }
    }

    [Fact]
    public void A_localGradients_function_that_returns_the_wrong_count_is_reported_with_the_operation()
    {
        var x = new Value(0.5);
        Value y = Value.Function("pair", [x], (input, gradients) => input[0], inputs => [inputs[0], inputs[0]]);

        FluentActions.Invoking(() => Gradients.Of(y, [x], createGraph: true)).Should().Throw<InvalidOperationException>()
            .WithMessage("The localGradients function of 'pair' returned 2 values for 1 input.");
    }

    [Fact]
    public void A_localGradients_function_that_returns_null_or_a_null_gradient_is_reported()
    {
        var x = new Value(0.5);
        Value none = Value.Function("none", [x], (input, gradients) => input[0], inputs => null!);
        Value hole = Value.Function("hole", [x], (input, gradients) => input[0], inputs => [null!]);

        FluentActions.Invoking(() => Gradients.Of(none, [x], createGraph: true)).Should().Throw<InvalidOperationException>()
            .WithMessage("The localGradients function of 'none' returned null.");
        FluentActions.Invoking(() => Gradients.Of(hole, [x], createGraph: true)).Should().Throw<ArgumentNullException>()
            .WithParameterName("localGradients").WithMessage("localGradients[0] is null.*");
    }

    private static Value Softsign(string overload, Value x) => overload switch
    {
        "numbers" => Value.Function("softsign", [x], x.Data / (1 + Math.Abs(x.Data)), [1 / Math.Pow(1 + Math.Abs(x.Data), 2)]),
        "values" => Value.Function("softsign", [x], x.Data / (1 + Math.Abs(x.Data)), [1 / (1 + x.Abs()).Pow(2)]),
        "evaluate" => Value.Function("softsign", [x], Evaluate),
        _ => Value.Function("softsign", [x], Evaluate, inputs => [1 / (1 + inputs[0].Abs()).Pow(2)]),
    };

    private static double Evaluate(double[] input, double[] gradients)
    {
        double d = 1 + Math.Abs(input[0]);
        gradients[0] = 1 / (d * d);
        return input[0] / d;
    }
}
