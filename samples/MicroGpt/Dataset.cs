namespace Micrograd.Samples.MicroGpt;

/// <summary>The documents: one per non-blank line, stripped, as the original reads <c>input.txt</c>.</summary>
public static class Dataset
{
    public static List<string> Load(string path) =>
        File.ReadAllText(path).Trim().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}

/// <summary>
/// Characters to tokens and back: the distinct characters of the documents in sorted (code point) order are
/// tokens 0 to n-1, and BOS is token n.
/// </summary>
public sealed class Tokenizer
{
    public Tokenizer(IEnumerable<string> docs)
    {
        Chars = docs.SelectMany(doc => doc).Distinct().Order().ToArray(); // by UTF-16 code unit, as Python sorts by code point (the same for these letters)
        Bos = Chars.Length;
    }

    /// <summary>The original's <c>uchars</c>.</summary>
    public char[] Chars { get; }

    public int Bos { get; }

    public int VocabSize => Chars.Length + 1;

    /// <summary><c>[BOS] + [uchars.index(ch) for ch in doc] + [BOS]</c>.</summary>
    public int[] Encode(string doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var tokens = new int[doc.Length + 2];
        tokens[0] = Bos;
        for (int i = 0; i < doc.Length; i++)
        {
            tokens[i + 1] = Array.IndexOf(Chars, doc[i]);
        }

        tokens[^1] = Bos;
        return tokens;
    }
}
