namespace Micrograd.Samples.MicroGpt.Tests;

/// <summary>The data set and tokenizer the sample uses (input.txt is copied beside the tests).</summary>
internal static class Fixture
{
    private static readonly Lazy<List<string>> s_docs = new(() => Dataset.Load(Path.Combine(AppContext.BaseDirectory, "input.txt")));

    public static List<string> Docs => s_docs.Value;

    public static Tokenizer Tokenizer { get; } = new(Docs);
}
