namespace Micrograd.Samples.Tests;

/// <summary>samples/Moons run as a process: a bad output place is found before training, and recording is timed apart.</summary>
public sealed class MoonsSampleTests : InTemporaryFolder
{
    [SkippableTheory]
    [InlineData("/proc/forbidden")]
    [InlineData("/dev/null/x")]
    [InlineData("a-file")]
    public void An_output_place_that_cannot_be_written_is_refused_in_one_line_before_training(string output)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the places are Linux's");
        File.WriteAllText(Path.Combine(Folder, "a-file"), "in the way");

        SampleProcess.Outcome run = SampleProcess.Run("Moons", Folder, "--output", output);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().BeEmpty("the place is checked before training starts");
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("Cannot write to --output '" + output + "': ");
        run.Error.Should().NotContain("Exception").And.NotContain(" at ");
    }

    [Fact]
    public void Training_and_recording_the_page_are_timed_apart()
    {
        SampleProcess.Outcome run = SampleProcess.Run("Moons", Folder, "--steps", "20", "--output", "out");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().MatchRegex(@"Trained in \d+\.\d\d s \(graph of \d+ values compiled once and replayed\)\.");
        run.Output.Should().MatchRegex(@"Wrote the training, 20 recorded steps, to .*training\.html \(open it in a browser; recording took \d+\.\d\d s\)");
        Directory.GetFiles(Path.Combine(Folder, "out")).Select(Path.GetFileName).Should().BeEquivalentTo("decision-boundary.png", "model.json", "training.html");
    }
}
