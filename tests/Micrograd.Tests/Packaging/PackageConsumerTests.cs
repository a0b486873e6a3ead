using System.Diagnostics;

namespace Micrograd.Tests.Packaging;

/// <summary>
/// samples/PackageConsumer restores Micrograd from the freshly packed .nupkg (through its nuget.config), builds and
/// runs on .NET 10 and on .NET 8 (self-contained, so no .NET 8 runtime needs to be installed). Skipped until packed.
/// </summary>
public sealed class PackageConsumerTests
{
    private static readonly string Package = Path.Combine(RepositoryFolder.Packages, $"Micrograd.{RepositoryFolder.PackageVersion}.nupkg");

    [SkippableTheory]
    [InlineData("net10.0", false)]
    [InlineData("net8.0", true)]
    public void A_project_that_references_the_package_builds_and_runs(string framework, bool selfContained)
    {
        Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
        string project = Path.Combine(RepositoryFolder.Root, "samples", "PackageConsumer");
        string arguments = $"run --project \"{project}\" -f {framework}" + (selfContained ? " -r linux-x64 --self-contained" : "");
        Skip.If(selfContained && !OperatingSystem.IsLinux(), "The self-contained run names the linux-x64 runtime.");

        (int exitCode, string output) = Run("dotnet", arguments);

        exitCode.Should().Be(0, output);
        output.Should().Contain($"Micrograd {RepositoryFolder.PackageVersion}");
        output.Should().Contain(framework == "net8.0" ? ".NET 8." : ".NET 10.");
        // The Python original's published figures.
        output.Should().Contain("README example: g = 4.6252, dg/da = 27.0601, dg/db = 117.3345");
        output.Should().MatchRegex(@"MLP\(3, \[4, 4, 1\]\): loss \d+\.\d+ -> \d+\.\d+ in 50 steps");
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFolder.Root,
        };

        // The test host runs under MSBuild's environment; a nested build must start from a clean one.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
