// The command line of every sample, parsed one way: options are "--name value" or "--name=value", flags are
// "--name", and "--help" (or -h, -?) prints the usage. Each mistake gets its own one-line message, naming what
// the user typed and what the option accepts, followed by the usage; the sample then exits with code 2.
// Linked into each sample's project (<Compile Include="../Shared/CommandLine.cs" />), not a library of its own.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Micrograd.Samples;

/// <summary>A sample's options, declared once and parsed the same way in every sample.</summary>
internal sealed class CommandLine
{
    /// <summary>The exit code of a command line that cannot be run: the convention of Unix tools for misuse.</summary>
    public const int UsageError = 2;

    private readonly string _usage;
    private readonly Dictionary<string, Option> _options = new(StringComparer.Ordinal);

    /// <summary>Starts a command line whose <c>--help</c> prints <paramref name="usage"/>.</summary>
    public CommandLine(string usage) => _usage = usage;

    /// <summary>An option without a value, such as <c>--no-html</c>.</summary>
    public CommandLine Flag(string name, Action set)
    {
        _options.Add(name, new Option(Expects: null, text => { set(); return true; }));
        return this;
    }

    /// <summary>An option with a value; <paramref name="accept"/> returns false for a value outside <paramref name="expects"/>.</summary>
    /// <param name="name">The option, such as <c>--steps</c>.</param>
    /// <param name="expects">What a valid value is, in words: "a whole number from 1 to 1,000,000".</param>
    /// <param name="accept">Takes the value and returns true, or returns false if it is not valid.</param>
    public CommandLine Value(string name, string expects, Func<string, bool> accept)
    {
        _options.Add(name, new Option(expects, accept));
        return this;
    }

    /// <summary>An option whose value is a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public CommandLine Whole(string name, int minimum, int maximum, Action<int> set) =>
        Value(
            name,
            string.Create(CultureInfo.InvariantCulture, $"a whole number from {minimum:N0} to {maximum:N0}"),
            text => Accept(int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum, value, set));

    /// <summary>An option whose value is a finite number greater than zero.</summary>
    public CommandLine Positive(string name, Action<double> set) =>
        Value(
            name,
            "a finite number greater than 0, such as 0.001 or 1e-10",
            text => Accept(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value), value, set));

    /// <summary>
    /// Reads <paramref name="args"/>, calling the options' actions in order. Returns <see langword="null"/> when the
    /// sample should run; otherwise the exit code, after printing the usage for --help (0) or the mistake (2).
    /// </summary>
    public int? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Find(args) is not { } error)
        {
            return null;
        }

        if (error.Length == 0)
        {
            Console.Out.WriteLine(_usage);
            return 0;
        }

        Console.Error.WriteLine(error);
        Console.Error.WriteLine();
        Console.Error.WriteLine(_usage);
        return UsageError;
    }

    /// <summary>The first mistake in <paramref name="args"/>, the empty string for --help, or null if there is none.</summary>
    public string? Find(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string argument = args[i];
            if (argument is "--help" or "-h" or "-?")
            {
                return string.Empty;
            }

            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                return $"Unexpected argument '{argument}': every option starts with --, and this sample takes no other arguments.";
            }

            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? argument : argument[..equals];
            string? value = equals < 0 ? null : argument[(equals + 1)..];
            if (!_options.TryGetValue(name, out Option? option))
            {
                return $"Unknown option '{name}'.";
            }

            if (option.Expects is null)
            {
                if (value is not null)
                {
                    return $"{name} takes no value, but was given '{value}'.";
                }

                option.Accept(string.Empty);
                continue;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    return $"{name} needs a value: {option.Expects}.";
                }

                value = args[++i];
            }

            if (!option.Accept(value))
            {
                return $"{name} does not accept '{value}': it takes {option.Expects}.";
            }
        }

        return null;
    }

    private static bool Accept<T>(bool valid, T value, Action<T> set)
    {
        if (valid)
        {
            set(value);
        }

        return valid;
    }

    private sealed record Option(string? Expects, Func<string, bool> Accept);
}
