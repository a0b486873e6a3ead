using System.Collections.Concurrent;

namespace Micrograd.Tests.Packaging;

/// <summary>What each page's C# blocks print, run once per test run: the blocks of a page run in order, in one temporary folder.</summary>
internal static class PageExamples
{
    private static readonly ConcurrentDictionary<string, Lazy<List<string>>> Runs = new(StringComparer.Ordinal);

    /// <summary>The output of each C# block of <paramref name="page"/>, in order.</summary>
    public static List<string> Outputs(MarkdownPage page) =>
        Runs.GetOrAdd(page.RelativePath, _ => new Lazy<List<string>>(() => Snippet.RunAll(page))).Value;
}
