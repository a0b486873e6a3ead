using System.Globalization;
using System.Numerics;

namespace Micrograd.Samples.MicroGpt;

/// <summary>The sample's command line: --steps, --seed, --graph and --help.</summary>
public sealed record Options(int Steps, BigInteger Seed, GraphKind Graph)
{
    public const string Usage = """
        Trains microgpt, a one-layer GPT built from Micrograd values, on 32,033 names, then samples 20 new ones.
        With the same seed it prints exactly what Karpathy's microgpt.py prints.

        Usage: dotnet run -c Release --project samples/MicroGpt [-- options]

        Options:
          --steps N        training steps, one document each (default 1000)
          --seed N         seed of Python's random module: data order, weights, samples (default 42)
          --graph KIND     fused (default): sums and dot products as single nodes;
                           operators: every * and + its own node, as the Python original builds it
          --help           show this text
        """;

    /// <summary>Reads the arguments; returns null and an error (or the usage, for --help) when there is nothing to run.</summary>
    public static Options? Parse(string[] args, out string? message)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Options(1000, 42, GraphKind.Fused);
        message = null;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "--help" or "-h" or "-?")
            {
                message = Usage;
                return null;
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
                case "--seed" when BigInteger.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger seed):
                    options = options with { Seed = seed };
                    break;
                case "--graph" when value is "fused" or "operators":
                    options = options with { Graph = value == "fused" ? GraphKind.Fused : GraphKind.Operators };
                    break;
                case "--steps" or "--seed" or "--graph":
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
