using System.Diagnostics;

namespace Micrograd.Samples.Tests;

/// <summary>A sample as a user runs it: a separate process, its standard output, standard error and exit code.</summary>
internal static class SampleProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Runs <c>dotnet <paramref name="sample"/>.dll</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static Outcome Run(string sample, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, sample + ".dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, output, error.Result);
    }
}

/// <summary>A fresh empty folder per test, deleted afterwards.</summary>
public abstract class InTemporaryFolder : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("micrograd-samples-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
