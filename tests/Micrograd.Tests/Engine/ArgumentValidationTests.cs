namespace Micrograd.Tests.Engine;

/// <summary>A null operand is a programming error: it throws ArgumentNullException naming the argument.</summary>
public sealed class ArgumentValidationTests
{
    private static readonly Value Some = new(1.0);
    private static readonly Value? Null = null;

    public static TheoryData<string, Action, string> NullOperands => new()
    {
        { "null + value", () => _ = Null! + Some, "left" },
        { "value + null", () => _ = Some + Null!, "right" },
        { "null - value", () => _ = Null! - Some, "left" },
        { "value - null", () => _ = Some - Null!, "right" },
        { "null * value", () => _ = Null! * Some, "left" },
        { "value * null", () => _ = Some * Null!, "right" },
        { "null / value", () => _ = Null! / Some, "left" },
        { "value / null", () => _ = Some / Null!, "right" },
        { "-null", () => _ = -Null!, "value" },
        { "null + 1.0", () => _ = Null! + 1.0, "left" },
        { "1.0 + null", () => _ = 1.0 + Null!, "right" },
        { "null * 2.0", () => _ = Null! * 2.0, "left" },
        { "2.0 / null", () => _ = 2.0 / Null!, "right" },
        { "Pow(null)", () => _ = Some.Pow(Null!), "exponent" },
        { "Sum(null array)", () => _ = Value.Sum((Value[])null!), "values" },
        { "Sum(null sequence)", () => _ = Value.Sum((IEnumerable<Value>)null!), "values" },
        { "Sum with a null element", () => _ = Value.Sum(Some, Null!), "values" },
        { "Dot(null, ...)", () => _ = Value.Dot(null!, [Some]), "left" },
        { "Dot(..., null)", () => _ = Value.Dot([Some], null!), "right" },
        { "Dot with a null element", () => _ = Value.Dot([Some], [Null!]), "right" },
        { "Max(null, value)", () => _ = Value.Max(Null!, Some), "left" },
        { "Max(value, null)", () => _ = Value.Max(Some, Null!), "right" },
        { "Min(null, value)", () => _ = Value.Min(Null!, Some), "left" },
        { "Min(value, null)", () => _ = Value.Min(Some, Null!), "right" },
        { "UnaryOperation.Apply(null)", () => _ = UnaryOperation.Pow(2).Apply(Null!), "value" },
    };

    [Theory]
    [MemberData(nameof(NullOperands))]
    public void A_null_operand_throws_ArgumentNullException_naming_it(string expression, Action act, string parameter)
    {
        act.Should().Throw<ArgumentNullException>(expression).WithParameterName(parameter);
    }

    [Fact]
    public void A_null_argument_itself_gets_the_standard_message()
    {
        FluentActions.Invoking(() => Some.Pow(Null!)).Should().Throw<ArgumentNullException>()
            .WithMessage("Value cannot be null. (Parameter 'exponent')");
        FluentActions.Invoking(() => Value.Sum((IReadOnlyList<Value>)null!)).Should().Throw<ArgumentNullException>()
            .WithMessage("Value cannot be null. (Parameter 'values')");
    }

    [Fact]
    public void Dot_of_vectors_of_different_lengths_names_both_lengths()
    {
        Action act = () => Value.Dot([1.0, 2.0], [1.0, 2.0, 3.0]);
        act.Should().Throw<ArgumentException>()
            .WithMessage("Both vectors must have the same length: left has 2 values and right has 3 values.*")
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
}
