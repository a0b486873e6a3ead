namespace Micrograd.Tests.Engine;

/// <summary>What a value tells about itself: its text, the operation that made it and its inputs.</summary>
public sealed class ValueShapeTests
{
    [Fact]
    public void ToString_reads_like_the_python_repr()
    {
        new Value(4.25).ToString().Should().Be("Value(data=4.25, grad=0)");
        new Value(-1.5, "w1").ToString().Should().Be("Value(data=-1.5, grad=0, label=w1)");
    }

    [Fact]
    public void ToString_with_a_format_formats_data_and_gradient()
    {
        var a = new Value(2.0);
        var y = a * 1.23456;
        y.Backward();
        $"{y:F4}".Should().Be("Value(data=2.4691, grad=1.0000)");
        a.ToString("F2", System.Globalization.CultureInfo.GetCultureInfo("de-DE")).Should().Be("Value(data=2,00, grad=1,23)");
    }

    [Fact]
    public void A_leaf_has_no_operator_and_no_inputs()
    {
        var a = new Value(1.0, "a");
        a.IsLeaf.Should().BeTrue();
        a.Operator.Should().BeEmpty();
        a.Inputs.Should().BeEmpty();
        a.Label.Should().Be("a");
    }

    [Fact]
    public void Operations_record_their_operator_and_inputs_in_order()
    {
        var a = new Value(2.0);
        var b = new Value(3.0);
        (string Operator, Value Result, Value[] Inputs)[] cases =
        [
            ("+", a + b, [a, b]),
            ("-", a - b, [a, b]),
            ("*", a * b, [a, b]),
            ("/", b / a, [b, a]),
            ("neg", -a, [a]),
            ("**", a.Pow(b), [a, b]),
            ("**2", a.Pow(2), [a]),
            ("exp", a.Exp(), [a]),
            ("log", a.Log(), [a]),
            ("tanh", a.Tanh(), [a]),
            ("ReLU", a.Relu(), [a]),
            ("sigmoid", a.Sigmoid(), [a]),
            ("softplus", a.Softplus(), [a]),
            ("sin", a.Sin(), [a]),
            ("cos", a.Cos(), [a]),
            ("sqrt", a.Sqrt(), [a]),
            ("abs", a.Abs(), [a]),
            ("leaky_relu(0.01)", a.LeakyRelu(), [a]),
            ("gelu", a.Gelu(), [a]),
            ("max", Value.Max(b, a), [b, a]),
            ("min", Value.Min(a, b), [a, b]),
            ("sum", Value.Sum(a, b, a), [a, b, a]),
            ("dot", Value.Dot([a, b], [b, a]), [a, b, b, a]),
            ("f", Value.Function("f", [b, a], 1.0, [1.0, 2.0]), [b, a]),
        ];

        foreach ((string op, Value result, Value[] inputs) in cases)
        {
            result.Operator.Should().Be(op);
            result.Inputs.Should().Equal(inputs, "{0} records its inputs in operand order", op);
            result.IsLeaf.Should().BeFalse();
        }

        cases.Select(c => c.Operator).Should().OnlyHaveUniqueItems("each operation has its own name");
    }

    [Fact]
    public void A_constant_exponent_is_named_in_the_operator_and_is_not_an_input()
    {
        var a = new Value(2.0);
        var y = a.Pow(2);
        y.Operator.Should().Be("**2");
        y.Inputs.Should().Equal(a);
    }

    [Fact]
    public void Labels_can_be_set_on_any_value_including_sums()
    {
        var a = new Value(1.0);
        var s = Value.Sum(a, a);
        s.Label = "s";
        s.Label.Should().Be("s");
        s.Inputs.Should().Equal(a, a);
        var p = a * 2.0;
        p.Label = "p";
        p.ToString().Should().Be("Value(data=2, grad=0, label=p)");
    }

    [Fact]
    public void Data_is_mutable_so_optimizers_can_update_parameters()
    {
        var w = new Value(1.0);
        w.Data -= 0.25;
        w.Data.Should().Be(0.75);
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
}
