using System.Diagnostics;

namespace Micrograd.Tests.Packaging;

/// <summary>Runs a command line tool, such as <c>dotnet</c>, as a user would from a terminal.</summary>
internal static class DotnetCommand
{
    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/> and returns its exit code and its output followed by its errors.</summary>
    public static (int ExitCode, string Output) Run(string program, string arguments, string folder)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };

        // The test host runs under MSBuild's environment; a nested build must start from a clean one. NUGET_PACKAGES
        // (which the GitHub workflow sets) would override the package folder a nuget.config gives, as on no user's machine.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "NUGET_PACKAGES" })
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
