namespace Micrograd.Samples.Lecture.Tests;

/// <summary>A chapter given an argument it does not take prints its usage and exits with code 2.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("01-derivatives.cs", "--verbose")]
    [InlineData("10-training.cs", "--seed", "one")]
    [InlineData("09-mlp.cs", "--seed")]
    public void A_chapter_refuses_an_argument_it_does_not_take(string chapter, params string[] args)
    {
        ChapterRun run = Chapter.Run(chapter, args);
        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain($"usage: dotnet run samples/Lecture/{chapter}");
    }
}
