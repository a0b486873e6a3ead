using System.Diagnostics;

namespace Micrograd.Samples.MicroGpt.Tests;

/// <summary>The sample as a user runs it: a separate process, its standard output and exit code.</summary>
public class MicroGptProgramTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MicroGpt.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    [Theory]
    [InlineData("fused")]
    [InlineData("operators")]
    public void Twenty_steps_with_seed_3_print_exactly_what_the_Python_original_prints(string graph)
    {
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resources", "python-steps-20-seed-3.txt"));
        (int exitCode, string output, string error) = Run("--steps", "20", "--seed", "3", "--graph", graph);
        exitCode.Should().Be(0);
        output.Should().Be(expected);
        error.Should().StartWith("train time ").And.Contain("for 20 steps");
    }

    [Theory]
    [InlineData("fused")]
    [InlineData("operators")]
    public void The_default_run_prints_exactly_what_the_Python_original_prints(string graph)
    {
        // 1,000 steps with seed 42: the published run, ending 'step 1000 / 1000 | loss 2.6497' and 'sample  1: kamon'.
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Resources", "python-default.txt"));
        (int exitCode, string output, _) = Run("--graph", graph);
        exitCode.Should().Be(0);
        output.Should().Be(expected);
    }

    [Fact]
    public void Help_prints_the_options_and_succeeds()
    {
        (int exitCode, string output, _) = Run("--help");
        exitCode.Should().Be(0);
        output.Should().Contain("--steps N").And.Contain("--seed N").And.Contain("--graph KIND");
    }

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--steps", "many")]
    [InlineData("--seed", "1.5")]
    [InlineData("--graph", "tensors")]
    [InlineData("--steps")]
    [InlineData("--verbose", "1")]
    public void Bad_arguments_are_refused_with_exit_code_2(params string[] args)
    {
        (int exitCode, string output, string error) = Run(args);
        exitCode.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("Usage:");
    }
}
