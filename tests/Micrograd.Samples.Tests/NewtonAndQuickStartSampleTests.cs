namespace Micrograd.Samples.Tests;

/// <summary>samples/Newton and samples/QuickStart run as processes.</summary>
public sealed class NewtonAndQuickStartSampleTests : InTemporaryFolder
{
    [Fact]
    public void Newton_stops_gradient_descent_at_the_first_value_that_is_not_finite_and_says_it_diverged()
    {
        SampleProcess.Outcome run = SampleProcess.Run("Newton", Folder, "--learning-rate", "10");

        run.ExitCode.Should().Be(0, run.Error);
        string descent = run.Output[run.Output.IndexOf("Gradient descent", StringComparison.Ordinal)..];
        descent.Should().MatchRegex(@"diverged at iteration \d+: the point or the value is no longer a finite number");
        descent.Split('\n').Count(line => line.Contains("NaN", StringComparison.Ordinal) || line.Contains('∞')).Should().BeLessThanOrEqualTo(1, "it stops at the first such row");
        run.Output.Should().Contain("Newton 6, gradient descent diverged.").And.NotContain("not within the tolerance");
    }

    [Fact]
    public void QuickStart_writes_the_neuron_dot_file_it_tells_you_to_draw()
    {
        SampleProcess.Outcome run = SampleProcess.Run("QuickStart", Folder);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("dot -Tsvg neuron.dot -o neuron.svg");
        string dot = File.ReadAllText(Path.Combine(Folder, "neuron.dot"));
        dot.Should().StartWith("digraph").And.Contain("w1");
        run.Output.Should().Contain(dot.TrimEnd(), "the file holds the graph printed");
        File.Exists(Path.Combine(Folder, "neuron.html")).Should().BeTrue();
    }

    [Fact]
    public void QuickStart_writes_into_the_output_folder_given()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "pictures"));
        SampleProcess.Outcome run = SampleProcess.Run("QuickStart", Folder, "--output", "pictures");

        run.ExitCode.Should().Be(0, run.Error);
        Directory.GetFiles(Path.Combine(Folder, "pictures")).Select(Path.GetFileName).Should().BeEquivalentTo("neuron.dot", "neuron.html");
    }
}
