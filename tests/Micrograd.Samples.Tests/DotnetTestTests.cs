using System.Diagnostics;

namespace Micrograd.Samples.Tests;

/// <summary>`dotnet test` as the README runs it: a skipped test's reason reaches the console at the default verbosity.</summary>
public sealed class DotnetTestTests
{
    [Fact]
    public async Task A_skipped_test_s_reason_reaches_the_console()
    {
        string fixture = Path.Combine(RepositoryRoot(), "tests", "Micrograd.Samples.Tests", "SkipReasonFixture", "SkipReasonFixture.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "test", fixture })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, output + await error);
        output.Should().Contain("Skipped SkipReasonFixture.SkippedTest.Is_skipped: the reason a reader needs, such as a missing browser");
        output.Should().MatchRegex(@"Skipped! +- Failed: +0, Passed: +0, Skipped: +1, Total: +1", "the summary .ci/run counts is unchanged");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Micrograd.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Micrograd.sln not found above " + AppContext.BaseDirectory);
    }
}
