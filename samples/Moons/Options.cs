using System.Globalization;

namespace Micrograd.Samples.MoonsDemo;

/// <summary>The sample's command line: --steps, --seed, --output, --no-html, --rebuild and --help.</summary>
internal sealed record Options(int Steps, int Seed, string OutputFolder, bool Html = true, bool Rebuild = false)
{
    public const string Usage = """
        Trains micrograd's demo network on the moons data set and draws its decision boundary.

        Usage: dotnet run --project samples/Moons [-- options]

        Options:
          --steps N        training steps (default 100)
          --seed N         seed for the data and the initial weights (default 1337)
          --output FOLDER  where to write decision-boundary.png, training.html and model.json (default: moons-output)
          --no-html        do not record the training as training.html
          --rebuild        build the graph anew at every step instead of compiling it once and replaying it
          --help           show this text
        """;

    /// <summary>Reads the arguments; returns null and an error (or the usage, for --help) when there is nothing to run.</summary>
    public static Options? Parse(string[] args, out string? message)
    {
        var options = new Options(100, 1337, "moons-output");
        message = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h" or "-?")
            {
                message = Usage;
                return null;
            }

            if (name == "--no-html")
            {
                options = options with { Html = false };
                continue;
            }

            if (name == "--rebuild")
            {
                options = options with { Rebuild = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                message = $"{name} needs a value.\n\n{Usage}";
                return null;
            }

            string value = args[++i];
            switch (name)
            {
                case "--steps" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int steps) && steps > 0:
                    options = options with { Steps = steps };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seed):
                    options = options with { Seed = seed };
                    break;
                case "--output" when value.Length > 0:
                    options = options with { OutputFolder = value };
                    break;
                case "--steps" or "--seed" or "--output":
                    message = $"{name} does not accept '{value}'.\n\n{Usage}";
                    return null;
                default:
                    message = $"Unknown option '{name}'.\n\n{Usage}";
                    return null;
            }
        }

        return options;
    }
}
