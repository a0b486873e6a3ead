using System.Collections.Concurrent;
using System.Diagnostics;

namespace Micrograd.Samples.Lecture.Tests;

/// <summary>What a chapter did when run: its exit code, standard output and error, and the folder it ran in.</summary>
public sealed record ChapterRun(int ExitCode, string Output, string Error, string Folder, TimeSpan Duration)
{
    /// <summary>The output's lines.</summary>
    public IReadOnlyList<string> Lines => Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    /// <summary>The picture the chapter wrote under this name (in lecture-pictures/ of the folder it ran in).</summary>
    public string Picture(string fileName) => Path.Combine(Folder, "lecture-pictures", fileName);
}

/// <summary>
/// Runs a chapter as a user runs it: <c>dotnet run samples/Lecture/NN-name.cs [-- args]</c>, a separate process,
/// in a fresh folder. Each chapter and arguments run once per test run (several tests read the same run), and
/// one at a time, since the chapters build the same projects.
/// </summary>
public static class Chapter
{
    private static readonly ConcurrentDictionary<string, Lazy<ChapterRun>> s_runs = new();
    private static readonly object s_oneAtATime = new();
    private static readonly ConcurrentBag<string> s_folders = [];

    static Chapter()
    {
        // The folders the chapters ran in (and drew their pictures in) go when the test run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (string folder in s_folders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // left for the system's temporary-file cleanup
                }
            }
        };
    }

    /// <summary>The repository's root: the folder above the tests holding Micrograd.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs (or gives the earlier run of) a chapter with these arguments.</summary>
    public static ChapterRun Run(string file, params string[] args) =>
        s_runs.GetOrAdd(file + " " + string.Join(" ", args), _ => new Lazy<ChapterRun>(() => Start(file, args))).Value;

    private static ChapterRun Start(string file, string[] args)
    {
        string folder = Directory.CreateTempSubdirectory("lecture-chapter-").FullName;
        s_folders.Add(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "samples", "Lecture", file));
        if (args.Length > 0)
        {
            start.ArgumentList.Add("--");
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }
        }

        // No build server or MSBuild node outlives the run holding its output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        lock (s_oneAtATime)
        {
            var clock = Stopwatch.StartNew();
            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} did not finish within 10 minutes.");
            }

            return new ChapterRun(process.ExitCode, output.Result, error.Result, folder, clock.Elapsed);
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Micrograd.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Micrograd.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The Python reference, <c>../shared/reference/lecture_reference.py</c>, run with python3.</summary>
public static class PythonReference
{
    private static readonly ConcurrentDictionary<int, Lazy<string>> s_training = new();

    /// <summary>What <c>python3 lecture_reference.py seed</c> prints.</summary>
    public static string Training(int seed) => s_training.GetOrAdd(seed, _ => new Lazy<string>(() => Run(seed))).Value;

    private static string Run(int seed)
    {
        string script = Path.GetFullPath(Path.Combine(Chapter.RepositoryRoot, "..", "shared", "reference", "lecture_reference.py"));
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, "python3 {0} {1} should succeed: {2}", script, seed, error.Result);
        return output;
    }

    /// <summary>The lines of the reference's output for a seed.</summary>
    public static IReadOnlyList<string> Lines(int seed) => Training(seed).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
