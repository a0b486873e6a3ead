using System.Globalization;

namespace Micrograd.Samples.Lecture.Tests;

/// <summary>
/// Chapters 09-11 train the lecture's MLP(3, [4, 4, 1]) from Python's random.seed(N), and are compared with
/// what ../shared/reference/lecture_reference.py prints for the same seed (run here with python3).
/// </summary>
public class TrainingChapterTests
{
    private static double[] ReferenceLosses(int seed) =>
        PythonReference.Lines(seed).Where(line => char.IsDigit(line[0])).Select(line => Parse(line.Split(' ')[1])).ToArray();

    private static double Parse(string number) => double.Parse(number, CultureInfo.InvariantCulture);

    // The rows "k number number ..." of a chapter's loss table.
    private static string[][] LossRows(ChapterRun run) =>
        run.Lines.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length >= 3 && int.TryParse(cells[0], out _) && double.TryParse(cells[1], CultureInfo.InvariantCulture, out _))
            .ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1337)]
    public void Chapter_10_prints_exactly_what_the_Python_reference_prints_for_the_seed(int seed)
    {
        ChapterRun run = Chapter.Run("10-training.cs", "--seed", seed.ToString(CultureInfo.InvariantCulture));
        run.ExitCode.Should().Be(0, run.Error);
        run.Lines.Should().Equal(PythonReference.Lines(seed));
    }

    [Fact]
    public void Chapter_09_trains_as_the_reference_with_zero_grad_and_otherwise_without()
    {
        ChapterRun run = Chapter.Run("09-mlp.cs");
        run.ExitCode.Should().Be(0, run.Error);
        IReadOnlyList<string> reference = PythonReference.Lines(0);
        run.Lines.Should().Contain(reference.Single(line => line.StartsWith("init_prediction", StringComparison.Ordinal)).Split(" = ")[1]);
        run.Lines.Should().Contain("len(n.parameters()) = 41");

        string[][] rows = LossRows(run);
        rows.Select(cells => cells[0]).Should().Equal(Enumerable.Range(0, 20).Select(k => k.ToString(CultureInfo.InvariantCulture)));
        rows.Select(cells => Parse(cells[2])).Should().Equal(ReferenceLosses(0), "the fixed loop is the reference's");
        // Without zeroing, the first backward() is the same and the second adds to it, so the losses part at step 2.
        rows.Take(2).Select(cells => cells[1]).Should().Equal(rows.Take(2).Select(cells => cells[2]));
        rows[2][1].Should().NotBe(rows[2][2]);

        string ypred = reference.Single(line => line.StartsWith("ypred ", StringComparison.Ordinal))["ypred ".Length..];
        run.Lines.Should().Contain(ypred);
    }

    [Fact]
    public void Chapter_11_trains_the_library_s_MLP_to_the_reference_s_losses()
    {
        ChapterRun run = Chapter.Run("11-library.cs");
        run.ExitCode.Should().Be(0, run.Error);
        double[] reference = ReferenceLosses(0);
        string[][] rows = LossRows(run);
        rows.Should().HaveCount(20);
        rows.Select(cells => Parse(cells[2])).Should().Equal(reference, "the learner's engine is bit for bit the reference");
        for (int k = 0; k < 20; k++)
        {
            Parse(rows[k][1]).Should().BeApproximately(reference[k], 1e-13 * reference[k], "the library's loss at step {0}", k);
        }

        run.ShouldHaveGraph("11-loss");
    }
}
