namespace Micrograd.Samples.MoonsDemo;

/// <summary>The sample's command line: --steps, --seed, --output, --no-html, --rebuild and --help.</summary>
internal sealed record Options(int Steps, int Seed, string OutputFolder, bool Html = true, bool Rebuild = false)
{
    public const string Usage = """
        Trains micrograd's demo network on the moons data set and draws its decision boundary.

        Usage: dotnet run --project samples/Moons [-- options]

        Options:
          --steps N        training steps, from 1 to 1,000,000 (default 100)
          --seed N         seed for the data and the initial weights, any whole number (default 1337)
          --output FOLDER  where to write decision-boundary.png, training.html and model.json (default: moons-output)
          --no-html        do not record the training as training.html
          --rebuild        build the graph anew at every step instead of compiling it once and replaying it
          --help           show this text
        """;

    /// <summary>Reads the arguments: the options to run with, or the exit code after printing the help or a mistake.</summary>
    public static Options? Parse(string[] args, out int exitCode)
    {
        var options = new Options(100, 1337, "moons-output");
        int? exit = new CommandLine(Usage)
            .Whole("--steps", 1, 1_000_000, steps => options = options with { Steps = steps })
            .Whole("--seed", int.MinValue, int.MaxValue, seed => options = options with { Seed = seed })
            .Value("--output", "the path of a folder", folder =>
            {
                options = options with { OutputFolder = folder };
                return folder.Length > 0;
            })
            .Flag("--no-html", () => options = options with { Html = false })
            .Flag("--rebuild", () => options = options with { Rebuild = true })
            .Parse(args);
        exitCode = exit ?? 0;
        return exit is null ? options : null;
    }
}
