namespace Micrograd.Samples.Lecture;

/// <summary>
/// The only input a chapter takes: none, or <c>--seed N</c> for the ones that draw random numbers. Anything
/// else prints the chapter's usage to standard error and exits with code 2.
/// </summary>
public static class Arguments
{
    /// <summary>Checks that a chapter was given no arguments.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="chapter">The chapter's file name, for the usage line.</param>
    public static void None(string[] args, string chapter)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 0)
        {
            Fail($"unknown argument '{args[0]}'", $"dotnet run samples/Lecture/{chapter}");
        }
    }

    /// <summary>Reads <c>--seed N</c>, an integer as Python's <c>random.seed</c> takes it, or gives the default.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="chapter">The chapter's file name, for the usage line.</param>
    /// <param name="defaultSeed">The seed when none is given.</param>
    /// <returns>The seed.</returns>
    public static System.Numerics.BigInteger Seed(string[] args, string chapter, int defaultSeed)
    {
        ArgumentNullException.ThrowIfNull(args);
        string usage = $"dotnet run samples/Lecture/{chapter} [-- --seed N]   (N an integer, default {defaultSeed})";
        if (args.Length == 0)
        {
            return defaultSeed;
        }

        if (args[0] != "--seed")
        {
            Fail($"unknown argument '{args[0]}'", usage);
        }
        else if (args.Length < 2)
        {
            Fail("--seed needs a value", usage);
        }
        else if (args.Length > 2)
        {
            Fail($"unknown argument '{args[2]}'", usage);
        }
        else if (System.Numerics.BigInteger.TryParse(args[1], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }
        else
        {
            Fail($"--seed must be an integer, not '{args[1]}'", usage);
        }

        return defaultSeed; // not reached: Fail exits
    }

    private static void Fail(string problem, string usage)
    {
        Console.Error.WriteLine($"error: {problem}");
        Console.Error.WriteLine($"usage: {usage}");
        Environment.Exit(2);
    }
}
