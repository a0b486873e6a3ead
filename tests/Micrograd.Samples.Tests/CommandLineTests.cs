namespace Micrograd.Samples.Tests;

/// <summary>
/// Every sample parses its command line the same way (samples/Shared/CommandLine.cs): an unknown option, a missing
/// value, a bad value and a stray argument each get their own message, naming what the user typed and the valid
/// range, then the usage, with exit code 2; --help prints the usage and succeeds; "--name=value" works as "--name value".
/// </summary>
public sealed class CommandLineTests : InTemporaryFolder
{
    public static TheoryData<string, string[], string> Mistakes => new()
    {
        { "Moons", ["--bogus"], "Unknown option '--bogus'." },
        { "Moons", ["--bogus", "5"], "Unknown option '--bogus'." },
        { "Moons", ["extra"], "Unexpected argument 'extra': every option starts with --, and this sample takes no other arguments." },
        { "Moons", ["--steps"], "--steps needs a value: a whole number from 1 to 1,000,000." },
        { "Moons", ["--steps", "--no-html"], "--steps needs a value: a whole number from 1 to 1,000,000." },
        { "Moons", ["--steps", "0"], "--steps does not accept '0': it takes a whole number from 1 to 1,000,000." },
        { "Moons", ["--steps=many"], "--steps does not accept 'many': it takes a whole number from 1 to 1,000,000." },
        { "Moons", ["--seed", "1.5"], "--seed does not accept '1.5': it takes a whole number from -2,147,483,648 to 2,147,483,647." },
        { "Moons", ["--no-html=yes"], "--no-html takes no value, but was given 'yes'." },
        { "Newton", ["--learning-rate", "0"], "--learning-rate does not accept '0': it takes a finite number greater than 0, such as 0.001 or 1e-10." },
        { "Newton", ["--tolerance", "NaN"], "--tolerance does not accept 'NaN': it takes a finite number greater than 0, such as 0.001 or 1e-10." },
        { "Newton", ["--max-iterations"], "--max-iterations needs a value: a whole number from 1 to 2,147,483,647." },
        { "Newton", ["--bogus", "1"], "Unknown option '--bogus'." },
        { "Newton", ["extra"], "Unexpected argument 'extra': every option starts with --, and this sample takes no other arguments." },
        { "QuickStart", ["--bogus"], "Unknown option '--bogus'." },
        { "QuickStart", ["extra"], "Unexpected argument 'extra': every option starts with --, and this sample takes no other arguments." },
        { "QuickStart", ["--output", "no-such-folder"], "--output does not accept 'no-such-folder': it takes the path of an existing folder." },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_gets_its_own_message_then_the_usage_and_exit_code_2(string sample, string[] args, string message)
    {
        SampleProcess.Outcome run = SampleProcess.Run(sample, Folder, args);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty("nothing runs");
        run.ErrorLines[0].Should().Be(message);
        run.Error.Should().Contain("Usage: dotnet run");
        Directory.GetFileSystemEntries(Folder).Should().BeEmpty("nothing is written");
    }

    [Theory]
    [InlineData("Moons", "--steps N")]
    [InlineData("Newton", "--learning-rate R")]
    [InlineData("QuickStart", "--output FOLDER")]
    public void Help_prints_the_usage_and_succeeds_without_doing_the_work(string sample, string option)
    {
        foreach (string help in new[] { "--help", "-h" })
        {
            SampleProcess.Outcome run = SampleProcess.Run(sample, Folder, help);

            run.ExitCode.Should().Be(0);
            run.Output.Should().Contain("Usage: dotnet run --project samples/" + sample).And.Contain(option);
            run.Error.Should().BeEmpty();
            Directory.GetFileSystemEntries(Folder).Should().BeEmpty("--help writes nothing");
        }
    }

    [Fact]
    public void An_option_and_its_value_may_be_joined_by_an_equals_sign()
    {
        SampleProcess.Outcome run = SampleProcess.Run("Moons", Folder, "--steps=3", "--no-html", "--output=out");

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("Training for 3 steps").And.Contain("step    2");
    }
}
