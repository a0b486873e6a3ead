using System.Text.RegularExpressions;
using Micrograd.Nn;

namespace Micrograd.BrowserTests;

/// <summary>What the pages' text must be, checked without a browser.</summary>
public sealed partial class PageContentTests
{
    [GeneratedRegex("""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""url\(\s*["']?\s*(?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalCssReference();

    public static TheoryData<string> Pages => new() { "graph: neuron", "graph: every operation", "graph: mlp", "training" };

    private static string Page(string name) => name == "training"
        ? TrainingPageTests.Train(5, [4]).ToHtml()
        : Graphs.Build(name["graph: ".Length..]).ToHtml();

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_refers_to_nothing_outside_itself(string name)
    {
        string html = Page(name);
        ExternalReference().IsMatch(html).Should().BeFalse("no src or href may point to a server");
        ExternalCssReference().IsMatch(html).Should().BeFalse("no style may load from a server");
        html.Should().NotContainAny(["<link", "<iframe", "<img", "import(", "fetch(", "XMLHttpRequest"]);
        html.Should().StartWith("<!DOCTYPE html>");
    }

    [Fact]
    public void ToHtml_refuses_a_graph_larger_than_MaxGraphValues_as_ToDot_does()
    {
        Value y = new Value(1.0);
        for (int i = 1; i < Value.MaxGraphValues; i++)
        {
            y = -y;
        }

        y.ToHtml().Should().Contain("\"id\":" + (Value.MaxGraphValues - 1) + ",", "exactly the limit is drawn");
        Value tooBig = -y;
        Action html = () => tooBig.ToHtml();
        Action dot = () => tooBig.ToDot();
        html.Should().Throw<InvalidOperationException>().WithMessage($"The graph has more than {Value.MaxGraphValues} values*");
        dot.Should().Throw<InvalidOperationException>().WithMessage($"The graph has more than {Value.MaxGraphValues} values*");
    }

    [Fact]
    public void A_leaf_used_all_along_a_long_chain_still_makes_a_small_page()
    {
        var k = new Value(1.0001, "k");
        Value y = new Value(1.0, "y0");
        for (int i = 0; i < 900; i++)
        {
            y *= k; // k feeds every level: its edges span up to the whole width
        }

        string html = y.ToHtml();
        html.Length.Should().BeLessThan(2_000_000);
        html.Should().Contain("\"id\":901,");
    }

    [Fact]
    public void Labels_cannot_break_out_of_the_page()
    {
        var x = new Value(1.0, "</script><script>alert(1)</script>");
        string html = (x * new Value(2.0, "\"quoted\" & <b>")).ToHtml();
        html.Should().NotContain("</script><script>alert(1)");
        html.Should().NotContain("\"quoted\" & <b>");
    }

    [Fact]
    public void The_recorder_refuses_steps_out_of_order_and_an_empty_page()
    {
        var model = new MLP(2, [3, 1]);
        var recorder = new TrainingRecorder(model);
        Action empty = () => recorder.ToHtml();
        empty.Should().Throw<InvalidOperationException>();
        recorder.Record(5, 1.0);
        Action again = () => recorder.Record(5, 0.5);
        again.Should().Throw<ArgumentOutOfRangeException>();
        recorder.Record(6, 0.5);
        recorder.Count.Should().Be(2);
    }
}
