using System.Text.RegularExpressions;

namespace Micrograd.Tests.Packaging;

/// <summary>A Markdown page of the repository (README.md, a page of docs/), read as a user reads it: code blocks, links, headings.</summary>
internal sealed class MarkdownPage
{
    private MarkdownPage(string path, string text)
    {
        RelativePath = path;
        Text = text.ReplaceLineEndings("\n");
    }

    /// <summary>The path from the repository root, with forward slashes.</summary>
    public string RelativePath { get; }

    public string Text { get; }

    /// <summary>The folder the page is in, for resolving its relative links.</summary>
    public string Folder => Path.GetDirectoryName(Path.Combine(RepositoryFolder.Root, RelativePath))!;

    public static MarkdownPage Load(string relativePath) =>
        new(relativePath, File.ReadAllText(Path.Combine(RepositoryFolder.Root, relativePath)));

    /// <summary>A page that is not a file of the repository, such as the readme inside the package.</summary>
    public static MarkdownPage FromText(string name, string text) => new(name, text);

    /// <summary>README.md, the package's readme and every page in docs/: the pages whose C# blocks the tests run.</summary>
    public static IEnumerable<string> PagesWithExamples() =>
        new[] { "README.md", "src/Micrograd/PACKAGE.md" }.Concat(
            Directory.GetFiles(Path.Combine(RepositoryFolder.Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(RepositoryFolder.Root, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));

    /// <summary>The fenced blocks whose info string is <paramref name="language"/> ("" for plain blocks), in order.</summary>
    public List<string> Blocks(string language) =>
        Regex.Matches(Text, "^```" + Regex.Escape(language) + "\\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();

    /// <summary>The C# block that contains <paramref name="marker"/>, which must be exactly one.</summary>
    public string CSharpBlockContaining(string marker) =>
        Blocks("csharp").Where(b => b.Contains(marker, StringComparison.Ordinal)).Should().ContainSingle(marker).Subject;

    /// <summary>The page without its fenced blocks and inline code, where links and images are written.</summary>
    public string Prose => Regex.Replace(Regex.Replace(Text, "^```.*?^```", "", RegexOptions.Singleline | RegexOptions.Multiline), "`[^`\n]*`", "");

    /// <summary>The targets of the page's links and images, as written: [text](target) and ![alt](target).</summary>
    public List<string> LinkTargets() =>
        Regex.Matches(Prose, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The targets of the page's images: ![alt](target) and &lt;img src="target"&gt;.</summary>
    public List<string> ImageTargets() =>
        Regex.Matches(Prose, @"!\[[^\]]*\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(Prose, "<img[^>]*src=\"([^\"]+)\"", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value)).ToList();

    /// <summary>The anchors GitHub gives the page's headings: lower case, spaces to hyphens, punctuation dropped.</summary>
    public List<string> HeadingAnchors() =>
        Regex.Matches(Prose, "^#{1,6} +(.+?) *$", RegexOptions.Multiline)
            .Select(m => Anchor(m.Groups[1].Value)).ToList();

    /// <summary>The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation dropped.</summary>
    public static string Anchor(string heading) =>
        Regex.Replace(heading.ToLowerInvariant(), @"[^\p{L}\p{Nd}\- _]", "").Replace(' ', '-');

    public override string ToString() => RelativePath;
}
