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

    [Theory]
    [InlineData("Unknown option '--bogus'.", "--bogus")]
    [InlineData("Unknown option '--bogus'.", "--bogus", "5")]
    [InlineData("Unexpected argument 'extra': every option starts with --, and this sample takes no other arguments.", "extra")]
    [InlineData("--steps needs a value: a whole number from 1 to 2,147,483,647.", "--steps")]
    [InlineData("--steps does not accept '0': it takes a whole number from 1 to 2,147,483,647.", "--steps=0")]
    [InlineData("--seed does not accept '1.5': it takes a whole number.", "--seed", "1.5")]
    [InlineData("--graph does not accept 'tensors': it takes fused or operators.", "--graph", "tensors")]
    public void Each_mistake_gets_its_own_first_line(string message, params string[] args)
    {
        (int exitCode, _, string error) = Run(args);
        exitCode.Should().Be(2);
        error.Split('\n')[0].TrimEnd('\r').Should().Be(message);
    }

    [Fact]
    public void An_option_and_its_value_may_be_joined_by_an_equals_sign()
    {
        (int exitCode, string output, string error) = Run("--steps=1", "--seed=3");
        exitCode.Should().Be(0, error);
        output.Should().Contain("step    1 /    1 | loss ");
    }
}
