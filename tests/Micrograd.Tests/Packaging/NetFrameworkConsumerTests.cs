using System.Diagnostics;

namespace Micrograd.Tests.Packaging;

/// <summary>
/// The package claims .NET Standard 2.0, so .NET Framework, Mono and Unity: samples/NetFrameworkConsumer, a net48
/// console app that restores the freshly packed .nupkg, runs its checks on .NET Framework (Windows) or Mono (elsewhere;
/// .ci/run installs Debian's mono-devel), and the same program built for .NET 10 is the comparison. Skipped until
/// the library is packed, and where there is no Mono.
/// </summary>
public sealed class NetFrameworkConsumerTests(NetFrameworkConsumerTests.Runs runs) : IClassFixture<NetFrameworkConsumerTests.Runs>
{
    [SkippableFact]
    public void The_net48_build_runs_on_the_dotnet_framework_runtime_family_and_passes_every_check()
    {
        Run framework = runs.Framework();

        framework.ExitCode.Should().Be(0, framework.Output);
        framework.Lines[0].Should().MatchRegex(@"^Micrograd \d+\.\d+\.\d+\.\d+ on (Mono \d|\.NET Framework 4\.8)", "the netstandard2.0 build runs on Mono or .NET Framework, not on .NET");
        framework.Lines[0].Should().StartWith($"Micrograd {RepositoryFolder.PackageVersion}.");
        framework.Lines.Should().Contain("6 passed, 0 failed");
    }

    [SkippableTheory]
    [InlineData("README example")]
    [InlineData("Moons")]
    [InlineData("Model file")]
    [InlineData("Hessian")]
    [InlineData("Compiled replay")]
    [InlineData("HTML page")]
    public void Each_check_passes_on_the_dotnet_framework_runtime_family(string check)
    {
        Run framework = runs.Framework();

        framework.Line(check).Should().StartWith("PASS", framework.Output);
    }

    [SkippableFact]
    public void Micrograds_readme_example_gives_the_python_originals_numbers_built_and_replayed()
    {
        Run framework = runs.Framework();

        // micrograd's README example, as CPython computes it (g and its central differences), to 4 decimals.
        framework.Line("README example").Should().Be("PASS  README example: g = 4.6252, dg/da = 27.0601, dg/db = 117.3345");
        framework.Line("Compiled replay").Should().MatchRegex(@"^PASS  Compiled replay: \d+ values replayed: g = 4\.6252, dg/da = 27\.0601, dg/db = 117\.3345, as rebuilding gives, bit for bit$");
    }

    [SkippableFact]
    public void The_moons_demo_trains_to_the_accuracy_and_loss_it_reaches_on_dotnet_10()
    {
        Run framework = runs.Framework();
        Run modern = runs.Modern();

        modern.ExitCode.Should().Be(0, modern.Output);
        modern.Lines[0].Should().Contain(" on .NET 10.");
        framework.Line("Moons").Should().Contain("accuracy 100").And.Be(modern.Line("Moons"));
    }

    /// <summary>One run of the consumer: its exit code and its output, line by line.</summary>
    public sealed class Run(int exitCode, string output)
    {
        public int ExitCode { get; } = exitCode;

        public string Output { get; } = output;

        public IReadOnlyList<string> Lines { get; } = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

        /// <summary>The line of the named check ("PASS  name: ..." or "FAIL  name: ...").</summary>
        public string Line(string check) =>
            Lines.SingleOrDefault(line => line.StartsWith($"PASS  {check}:", StringComparison.Ordinal) || line.StartsWith($"FAIL  {check}:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No line for the check '{check}' in:\n{Output}");
    }

    /// <summary>Builds the consumer once for the whole class, then runs it once on each runtime, when first asked.</summary>
    public sealed class Runs
    {
        private static readonly string Project = Path.Combine(RepositoryFolder.Root, "samples", "NetFrameworkConsumer");
        private static readonly string Package = Path.Combine(RepositoryFolder.Packages, $"Micrograd.{RepositoryFolder.PackageVersion}.nupkg");

        private readonly Lazy<Run> _build = new(Build);
        private readonly Lazy<Run> _framework;
        private readonly Lazy<Run> _modern;

        public Runs()
        {
            _framework = new Lazy<Run>(() => Built(() => OperatingSystem.IsWindows()
                ? Start(Output("net48", "NetFrameworkConsumer.exe"), "")
                : Start("mono", $"\"{Output("net48", "NetFrameworkConsumer.exe")}\"")));
            _modern = new Lazy<Run>(() => Built(() => Start("dotnet", $"\"{Output("net10.0", "NetFrameworkConsumer.dll")}\"")));
        }

        /// <summary>The net48 build on .NET Framework (Windows) or Mono.</summary>
        public Run Framework()
        {
            Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
            Skip.IfNot(OperatingSystem.IsWindows() || OnPath("mono"), "Mono is not installed (Debian: apt-get install mono-devel; .ci/run installs it).");
            return _framework.Value;
        }

        /// <summary>The net10.0 build of the same program on .NET 10.</summary>
        public Run Modern()
        {
            Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
            return _modern.Value;
        }

        private Run Built(Func<Run> run)
        {
            Run build = _build.Value;
            build.ExitCode.Should().Be(0, "samples/NetFrameworkConsumer must build against the packed package:\n" + build.Output);
            return run();
        }

        private static Run Build()
        {
            // The consumer restores into its own packages folder; emptying Micrograd's place there makes the build
            // take the package just packed, even when an earlier one had the same version.
            string restored = Path.Combine(RepositoryFolder.Root, "artifacts", "netframework-consumer-packages", "micrograd");
            if (Directory.Exists(restored))
            {
                Directory.Delete(restored, recursive: true);
            }

            return Start("dotnet", $"build \"{Project}\" -c Release");
        }

        private static string Output(string framework, string file) => Path.Combine(Project, "bin", "Release", framework, file);

        private static bool OnPath(string program) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, program)));

        private static Run Start(string program, string arguments)
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
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Run(-1, $"{program} {arguments} did not finish within 5 minutes:\n{output.Result}{error.Result}");
            }

            return new Run(process.ExitCode, output.Result + error.Result);
        }
    }
}
