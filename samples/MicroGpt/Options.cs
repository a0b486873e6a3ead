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
          --steps N        training steps, one document each, from 1 to 2,147,483,647 (default 1000)
          --seed N         seed of Python's random module, any whole number: data order, weights, samples (default 42)
          --graph KIND     fused (default): sums and dot products as single nodes;
                           operators: every * and + its own node, as the Python original builds it
          --help           show this text
        """;

    /// <summary>Reads the arguments: the options to run with, or null and the exit code after printing the help or a mistake.</summary>
    public static Options? Parse(string[] args, out int exitCode)
    {
        var options = new Options(1000, 42, GraphKind.Fused);
        int? exit = new CommandLine(Usage)
            .Whole("--steps", 1, int.MaxValue, steps => options = options with { Steps = steps })
            .Value("--seed", "a whole number", text =>
            {
                bool valid = BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger seed);
                options = options with { Seed = valid ? seed : options.Seed };
                return valid;
            })
            .Value("--graph", "fused or operators", text =>
            {
                options = options with { Graph = text == "operators" ? GraphKind.Operators : GraphKind.Fused };
                return text is "fused" or "operators";
            })
            .Parse(args);
        exitCode = exit ?? 0;
        return exit is null ? options : null;
    }
}
