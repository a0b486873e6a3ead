namespace Micrograd.Tests.Optimization;

/// <summary>Bad arguments to <see cref="Gradients.Compile"/>, <see cref="Gradients.ValueAndGradient"/> and <see cref="CompiledFunction"/>: clear exceptions that name them.</summary>
public sealed class CompiledFunctionArgumentTests
{
    private static readonly CompiledFunction s_threeInputs = Gradients.Compile(v => v[0] * v[1] + v[2], [1.0, 2.0, 3.0]);

    [Fact]
    public void Compile_and_ValueAndGradient_reject_a_null_function_or_point_by_name()
    {
        FluentActions.Invoking(() => Gradients.Compile(null!, [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("function");
        FluentActions.Invoking(() => Gradients.Compile(v => v[0], null!)).Should().Throw<ArgumentNullException>().WithParameterName("point");
        FluentActions.Invoking(() => Gradients.ValueAndGradient(null!, [1.0])).Should().Throw<ArgumentNullException>().WithParameterName("function");
        FluentActions.Invoking(() => Gradients.ValueAndGradient(v => v[0], null!)).Should().Throw<ArgumentNullException>().WithParameterName("point");
    }

    [Fact]
    public void A_function_that_returns_null_is_an_InvalidOperationException()
    {
        FluentActions.Invoking(() => Gradients.Compile(_ => null!, [1.0])).Should().Throw<InvalidOperationException>().WithMessage("*returned null*");
        FluentActions.Invoking(() => Gradients.ValueAndGradient(_ => null!, [1.0])).Should().Throw<InvalidOperationException>().WithMessage("*returned null*");

        // A function that returns null only later is caught when MatchesRebuild calls it again.
        int calls = 0;
        CompiledFunction f = Gradients.Compile(v => calls++ == 0 ? v[0] : null!, [1.0]);
        FluentActions.Invoking(() => f.MatchesRebuild([1.0])).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_point_of_the_wrong_length_names_the_argument_and_both_lengths()
    {
        var gradient = new double[3];
        ShouldRejectLength(() => s_threeInputs.Evaluate(new double[2], gradient), "point", 2);
        ShouldRejectLength(() => s_threeInputs.Evaluate(new double[4]), "point", 4);
        ShouldRejectLength(() => s_threeInputs.Hessian(new double[2]), "point", 2);
        ShouldRejectLength(() => s_threeInputs.HessianVectorProduct(new double[2], new double[3], new double[3]), "point", 2);
        ShouldRejectLength(() => s_threeInputs.MatchesRebuild(new double[5]), "point", 5);
    }

    [Fact]
    public void A_gradient_vector_or_product_of_the_wrong_length_names_the_argument_and_both_lengths()
    {
        double[] point = [1.0, 2.0, 3.0];
        ShouldRejectLength(() => s_threeInputs.Evaluate(point, new double[2]), "gradient", 2);
        ShouldRejectLength(() => s_threeInputs.HessianVectorProduct(point, new double[4], new double[3]), "vector", 4);
        ShouldRejectLength(() => s_threeInputs.HessianVectorProduct(point, new double[3], new double[1]), "product", 1);
    }

    [Fact]
    public void A_rejected_call_leaves_the_compiled_function_as_it_was()
    {
        var gradient = new double[3];
        FluentActions.Invoking(() => s_threeInputs.Evaluate([1.0, 2.0, 3.0], new double[2])).Should().Throw<ArgumentException>();
        s_threeInputs.Evaluate([2.0, 5.0, 1.0], gradient).Should().Be(11);
        gradient.Should().Equal(5, 2, 1);
    }

    private static void ShouldRejectLength(Action action, string parameterName, int length) =>
        action.Should().Throw<ArgumentException>()
            .WithParameterName(parameterName)
            .WithMessage($"The function has 3 inputs, but {parameterName} has {length} numbers.*");
}
