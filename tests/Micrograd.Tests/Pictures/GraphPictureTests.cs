using System.Diagnostics;

namespace Micrograd.Tests.Pictures;

/// <summary>Graph pictures: exact text for a small graph (written by hand), safe labels, a size limit, and Graphviz accepting the output.</summary>
public sealed class GraphPictureTests
{
    // d = a * b + a with a = 2, b = -3: c = -6, d = -4; dd/da = b + 1 = -2, dd/db = a = 2.
    private static Value SmallGraph()
    {
        var a = new Value(2.0, "a");
        var b = new Value(-3.0, "b");
        var c = a * b;
        c.Label = "c";
        var d = c + a;
        d.Label = "d";
        d.Backward();
        return d;
    }

    [Fact]
    public void ToDot_draws_a_small_graph_exactly_as_written_by_hand()
    {
        const string Expected = """
            digraph {
              rankdir=LR;
              node [shape=record];
              v0 [label="{ a | data 2.0000 | grad -2.0000 }"];
              v1 [label="{ b | data -3.0000 | grad 2.0000 }"];
              v2 [label="{ c | data -6.0000 | grad 1.0000 }"];
              v2_op [label="*", shape=ellipse];
              v2_op -> v2;
              v0 -> v2_op;
              v1 -> v2_op;
              v3 [label="{ d | data -4.0000 | grad 1.0000 }"];
              v3_op [label="+", shape=ellipse];
              v3_op -> v3;
              v2 -> v3_op;
              v0 -> v3_op;
            }

            """;
        SmallGraph().ToDot().Should().Be(Expected.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToMermaid_draws_a_small_graph_exactly_as_written_by_hand()
    {
        const string Expected = """
            flowchart LR
              v0["a | data 2.0000 | grad -2.0000"]
              v1["b | data -3.0000 | grad 2.0000"]
              v2["c | data -6.0000 | grad 1.0000"]
              v2_op(("*"))
              v0 --> v2_op
              v1 --> v2_op
              v2_op --> v2
              v3["d | data -4.0000 | grad 1.0000"]
              v3_op(("+"))
              v2 --> v3_op
              v0 --> v3_op
              v3_op --> v3

            """;
        SmallGraph().ToMermaid().Should().Be(Expected.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Top_to_bottom_changes_only_the_direction()
    {
        SmallGraph().ToDot(GraphDirection.TopToBottom).Should().Contain("rankdir=TB;").And.NotContain("rankdir=LR");
        SmallGraph().ToMermaid(GraphDirection.TopToBottom).Should().StartWith("flowchart TB\n");
    }

    [Fact]
    public void The_same_graph_always_gives_the_same_text()
    {
        // Two separately built copies of one graph: any dependence on object identity, hashing or allocation
        // order (a dictionary walked in hash order, say) would show as a difference.
        Value first = SmallGraph();
        Value second = SmallGraph();
        second.ToDot().Should().Be(first.ToDot());
        second.ToMermaid().Should().Be(first.ToMermaid());
        first.ToDot().Should().Contain("v0").And.Contain("->", "the graph is not empty");
    }

    [Fact]
    public void A_value_used_twice_by_one_operation_is_drawn_with_one_edge()
    {
        var x = new Value(3.0);
        var y = x * x;
        y.ToDot().Split('\n').Count(line => line.Contains("v0 -> v1_op")).Should().Be(1);
        y.ToMermaid().Split('\n').Count(line => line.Contains("v0 --> v1_op")).Should().Be(1);
    }

    private const string AwkwardLabel = "say \"hi\" {x|y} <z> \\ #1 & `t`\nnext";

    [Fact]
    public void Labels_are_escaped_for_DOT_records()
    {
        new Value(1.0, AwkwardLabel).ToDot()
            .Should().Contain("v0 [label=\"{ say \\\"hi\\\" \\{x\\|y\\} \\<z\\> \\\\ #1 & `t` next | data 1.0000 | grad 0.0000 }\"];");
    }

    [Fact]
    public void Labels_are_escaped_for_Mermaid()
    {
        new Value(1.0, AwkwardLabel).ToMermaid()
            .Should().Contain("v0[\"say #quot;hi#quot; {x|y} #lt;z#gt; \\ #35;1 #amp; #96;t#96; next | data 1.0000 | grad 0.0000\"]");
    }

    [Fact]
    public void An_operation_with_as_many_inputs_as_the_limit_allows_is_drawn_in_full_on_a_new_thread()
    {
        // A new thread starts drawing from small buffers: the sum's inputs make them grow at once.
        Value[] leaves = [.. Enumerable.Range(0, Value.MaxGraphValues - 1).Select(i => new Value(i))];
        Value sum = Value.Sum(leaves);
        string dot = "";
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                dot = sum.ToDot();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();

        error.Should().BeNull();
        dot.Should().Contain($"v{Value.MaxGraphValues - 2} ", "every leaf is drawn").And.Contain($"v{Value.MaxGraphValues - 1}_op");
    }

    [Fact]
    public void A_graph_larger_than_the_limit_is_refused_with_a_clear_message()
    {
        Value y = new Value(1.0);
        for (int i = 1; i < Value.MaxGraphValues; i++)
        {
            y = -y;
        }

        y.ToDot().Should().Contain($"v{Value.MaxGraphValues - 1} ", "exactly the limit is drawn");
        Value tooBig = -y;
        Action act = () => tooBig.ToMermaid();
        act.Should().Throw<InvalidOperationException>().WithMessage(
            $"The graph has more than {Value.MaxGraphValues} values, too many to draw legibly (Value.MaxGraphValues). "
            + "Draw a smaller part of it, for example one output of a layer.");
    }

    public static TheoryData<string> GraphsForGraphviz => new()
    {
        "small",
        "awkward labels",
        "neuron",
        "constant power",
    };

    [SkippableTheory]
    [MemberData(nameof(GraphsForGraphviz))]
    public void Graphviz_accepts_the_DOT_output(string name)
    {
        string? dot = FindOnPath("dot");
        Skip.If(dot is null, "Graphviz (dot) is not installed; .ci/run installs it.");

        Value graph = name switch
        {
            "small" => SmallGraph(),
            "awkward labels" => new Value(1.0, AwkwardLabel) * new Value(2.0, "{|}<>\"\\"),
            "neuron" => new Micrograd.Nn.Neuron(3, Micrograd.Nn.Activation.Relu, new Random(1)).Forward(1.0, 2.0, 3.0),
            _ => new Value(2.0).Pow(-0.5) + new Value(1.0).Exp().Log().Sigmoid(),
        };

        var start = new ProcessStartInfo(dot!, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        process.StandardInput.Write(graph.ToDot());
        process.StandardInput.Close();
        string svg = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(0, errors);
        errors.Should().BeEmpty();
        svg.Should().Contain("<svg");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    [Fact]
    public void A_graph_over_the_drawing_limit_is_refused_without_walking_all_of_it()
    {
        // A chain of a million values: refusing it must not cost a walk of the whole chain (which would allocate a
        // stack as deep as the chain), only of the limit plus one values.
        var x = new Value(1.0);
        Value y = x;
        for (int i = 0; i < 1_000_000; i++)
        {
            y = -y;
        }

        foreach (Func<string> draw in new Func<string>[] { () => y.ToDot(), () => y.ToMermaid(), y.ToHtml })
        {
            draw.Should().Throw<InvalidOperationException>().WithMessage("The graph has more than 2000 values*");
            long before = GC.GetAllocatedBytesForCurrentThread();
            draw.Should().Throw<InvalidOperationException>();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.Should().BeLessThan(1_000_000, "a walk of the whole chain would allocate tens of megabytes");
        }
    }
}
