namespace Micrograd.Samples.Lecture.Tests;

/// <summary>
/// Chapters 01-08, run as a user runs them, print the numbers the lecture's notebooks print. Every expected
/// number below is quoted from ../shared/reference/lecture.md (the notebooks' saved outputs and graph boxes, and
/// its "Re-run" section for the full-precision gradients), never from the chapters' output.
/// </summary>
public class FirstHalfChapterTests
{
    // Step 15 (and 45): the neuron's boxes after o.backward().
    private static readonly string[] NeuronBoxes =
    [
        "x1 | data 2.0000 | grad -1.5000", "x2 | data 0.0000 | grad 0.5000", "w1 | data -3.0000 | grad 1.0000",
        "w2 | data 1.0000 | grad 0.0000", "b | data 6.8814 | grad 0.5000", "x1*w1 | data -6.0000 | grad 0.5000",
        "x2*w2 | data 0.0000 | grad 0.5000", "x1*w1 + x2*w2 | data -6.0000 | grad 0.5000",
        "n | data 0.8814 | grad 0.5000", "o | data 0.7071 | grad 1.0000",
    ];

    [Fact]
    public void Chapter_01_finds_the_lecture_s_slopes_by_nudging_and_plots_the_parabola()
    {
        ChapterRun run = Chapter.Run("01-derivatives.cs");
        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().ContainInOrder("20.0", "2.999378523327323e-06", "4.0", "d1 4.0", "d2 4.0001", "slope 0.9999999999976694");
        run.ShouldHavePlot("01-parabola");
    }

    [Fact]
    public void Chapter_02_builds_L_as_the_lecture_does_and_draws_its_graph()
    {
        ChapterRun run = Chapter.Run("02-value.cs");
        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Contain("Value(data=-8.0)");
        run.Boxes().Select(box => box[..box.IndexOf(" | grad", StringComparison.Ordinal)]).Should().BeEquivalentTo(
            "a | data 2.0000", "b | data -3.0000", "c | data 10.0000", "d | data 4.0000", "e | data -6.0000", "f | data -2.0000", "L | data -8.0000");
        run.ShouldHaveGraph("02-L");
    }

    [Fact]
    public void Chapter_03_gets_the_lecture_s_hand_gradients_its_numerical_check_and_its_step()
    {
        ChapterRun run = Chapter.Run("03-manual-gradients.cs");
        run.ExitCode.Should().Be(0, run.Error);
        run.Boxes().Should().BeEquivalentTo(
            "a | data 2.0000 | grad 6.0000", "b | data -3.0000 | grad -4.0000", "c | data 10.0000 | grad -2.0000",
            "d | data 4.0000 | grad -2.0000", "e | data -6.0000 | grad -2.0000", "f | data -2.0000 | grad 4.0000",
            "L | data -8.0000 | grad 1.0000");
        run.Lines.Should().ContainInOrder("-3.9999999999995595", "-7.286496");
        run.ShouldHaveGraph("03-L-grads");
    }

    [Fact]
    public void Chapter_04_sets_the_neuron_s_gradients_by_hand_to_the_lecture_s_boxes()
    {
        ChapterRun run = Chapter.Run("04-neuron.cs");
        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Contain("0.4999999999999999"); // step 30, 1 - o.data**2
        run.Output.Should().Contain("Value(data=0.8813735870195432)").And.Contain("Value(data=0.7071067811865476)"); // step 17's n and o
        run.Boxes().Should().BeEquivalentTo(NeuronBoxes);
        run.ShouldHavePlot("04-tanh");
        run.ShouldHaveGraph("04-neuron");
    }

    [Fact]
    public void Chapter_05_calls_each_backward_step_by_hand_to_the_lecture_s_gradients()
    {
        ChapterRun run = Chapter.Run("05-backward-by-hand.cs");
        run.ExitCode.Should().Be(0, run.Error);
        // lecture.md, "Re-run": o.backward()'s grads at full precision
        run.Lines.Should().ContainInOrder(
            "n.grad = 0.4999999999999999",
            "x1w1x2w2.grad = 0.4999999999999999, b.grad = 0.4999999999999999",
            "b.grad = 0.4999999999999999",
            "x2.grad = 0.4999999999999999, w2.grad = 0.0",
            "x1.grad = -1.4999999999999996, w1.grad = 0.9999999999999998");
        run.Boxes().Should().BeEquivalentTo(NeuronBoxes);
        run.ShouldHaveGraph("05-neuron");
    }

    [Fact]
    public void Chapter_06_sorts_the_graph_backpropagates_and_shows_the_a_plus_a_bug_and_its_fix()
    {
        ChapterRun run = Chapter.Run("06-backward.cs");
        run.ExitCode.Should().Be(0, run.Error);
        // Step 17's ten values (the notebook's order is set order; lecture.md: "not their order").
        run.Lines.Where(line => line.TrimStart('[', ' ').StartsWith("Value(data=", StringComparison.Ordinal))
            .Select(line => line.Trim('[', ']', ',', ' '))
            .Should().BeEquivalentTo(
                "Value(data=6.881373587019543)", "Value(data=2.0)", "Value(data=-3.0)", "Value(data=-6.0)", "Value(data=0.0)",
                "Value(data=1.0)", "Value(data=0.0)", "Value(data=-6.0)", "Value(data=0.8813735870195432)", "Value(data=0.7071067811865476)");
        // With `=`, a + a gives a.grad 1.0, and f = (a*b)*(a+b) gives (-6, -6) or (3, -2) depending on the order.
        run.Lines.Should().ContainInOrder("a.grad = 1.0", "a.grad = 3.0, b.grad = -2.0", "a.grad = 2.0", "a.grad = -3.0, b.grad = -8.0");
        run.Boxes().Should().BeEquivalentTo(NeuronBoxes.Concat(
        [
            "a | data 3.0000 | grad 2.0000", "b | data 6.0000 | grad 1.0000", // step 32
            "a | data -2.0000 | grad -3.0000", "b | data 3.0000 | grad -8.0000", "d | data -6.0000 | grad 1.0000", // step 33
            "e | data 1.0000 | grad -6.0000", "f | data -6.0000 | grad 1.0000",
        ]));
        run.ShouldHaveGraph("06-neuron");
        run.ShouldHaveGraph("06-a-plus-a");
        run.ShouldHaveGraph("06-shared-inputs");
    }

    [Fact]
    public void Chapter_07_rebuilds_tanh_from_exp_with_the_lecture_s_graph_and_the_same_gradients()
    {
        ChapterRun run = Chapter.Run("07-tanh-as-exp.cs");
        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().ContainInOrder(
            "o = 0.7071067811865476; grads: x1 -1.4999999999999996, x2 0.4999999999999999, w1 0.9999999999999998, w2 0.0, b 0.4999999999999999, n 0.4999999999999999",
            "o = 0.7071067811865477; grads: x1 -1.5, x2 0.5, w1 1.0, w2 0.0, b 0.5, n 0.5");
        run.Boxes().Should().BeEquivalentTo(NeuronBoxes.Concat(NeuronBoxes.Where(box => !box.StartsWith("o ", StringComparison.Ordinal))).Concat(
        [
            " | data 2.0000 | grad 0.2203", " | data 1.7627 | grad 0.2500", " | data 5.8284 | grad 0.0429",
            " | data -1.0000 | grad 0.1464", " | data 4.8284 | grad 0.1464", " | data 1.0000 | grad -0.1036",
            " | data 6.8284 | grad -0.1036", " | data 0.1464 | grad 4.8284", "o | data 0.7071 | grad 1.0000",
        ]));
        run.ShouldHaveGraph("07-neuron-tanh");
        run.ShouldHaveGraph("07-neuron-exp");
    }

    [Fact]
    public void Chapter_08_prints_the_lecture_s_PyTorch_numbers_beside_float64_ones()
    {
        ChapterRun run = Chapter.Run("08-pytorch.cs");
        run.ExitCode.Should().Be(0, run.Error);
        int header = run.Lines.ToList().FindIndex(line => line.StartsWith("the lecture's", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0);
        IReadOnlyList<string> rows = run.Lines.Skip(header + 1).Take(6).ToList();
        rows.Select(row => row[..48].TrimEnd()).Should().Equal(
            "0.7071066904050358", "---", "x2 0.5000001283844369", "w2 0.0", "x1 -1.5000003851533106", "w1 1.0000002567688737");
        // float64 throughout agrees with micrograd's o and grads (step 17 and "Re-run") to the last bit or two
        double[] float64 = rows.Where((_, i) => i != 1).Select(row => double.Parse(row[48..].Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double[] micrograd = [0.7071067811865476, 0.4999999999999999, 0.0, -1.4999999999999996, 0.9999999999999998];
        for (int i = 0; i < micrograd.Length; i++)
        {
            float64[i].Should().BeApproximately(micrograd[i], 1e-15);
        }
    }
}
