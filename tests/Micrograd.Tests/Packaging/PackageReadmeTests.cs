using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Micrograd.Tests.Packaging;

/// <summary>
/// The readme inside the packed .nupkg is the page nuget.org shows, which draws no relative link or image and no
/// Mermaid block: everything it links to is an absolute address. Skipped until packed (.ci/run packs first).
/// </summary>
public sealed class PackageReadmeTests
{
    private const string Repository = "https://github.com/micrograd-dotnet/Micrograd";
    private static readonly string Package = Path.Combine(RepositoryFolder.Packages, $"Micrograd.{RepositoryFolder.PackageVersion}.nupkg");

    [SkippableFact]
    public void The_packed_readme_has_only_absolute_links_and_no_relative_image_or_mermaid_block()
    {
        Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
        var page = MarkdownPage.FromText("the packed readme", PackedReadme());

        page.LinkTargets().Should().NotBeEmpty().And.OnlyContain(target => target.StartsWith("https://", StringComparison.Ordinal));
        page.ImageTargets().Should().NotContain(target => !target.StartsWith("https://", StringComparison.Ordinal));
        page.Blocks("mermaid").Should().BeEmpty();
        Regex.Matches(page.Prose, @"(?:href|src)\s*=\s*""(?!https://)").Should().BeEmpty("HTML links and images are absolute too");
        Regex.Matches(page.Prose, @"^\[[^\]]+\]:\s*(?!https://)\S+", RegexOptions.Multiline).Should().BeEmpty("reference-style links are absolute too");
    }

    [SkippableFact]
    public void The_packed_readme_links_into_the_repository_and_says_how_to_install()
    {
        Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
        var page = MarkdownPage.FromText("the packed readme", PackedReadme());

        page.LinkTargets().Should().Contain(target => target.StartsWith(Repository, StringComparison.Ordinal));
        page.Text.Should().Contain("dotnet add package Micrograd");
    }

    [Fact]
    public void The_package_readme_quick_start_is_the_README_quick_start()
    {
        string readme = MarkdownPage.Load("README.md").Blocks("csharp")[0];
        string package = MarkdownPage.Load("src/Micrograd/PACKAGE.md").Blocks("csharp").Should().ContainSingle().Subject;
        string Body(string block) => block[block.IndexOf("var a = ", StringComparison.Ordinal)..];
        Body(package).Should().Be(Body(readme));
    }

    /// <summary>The file the nuspec names as the readme, read from the package.</summary>
    private static string PackedReadme()
    {
        using ZipArchive zip = ZipFile.OpenRead(Package);
        XDocument nuspec;
        using (Stream stream = zip.GetEntry("Micrograd.nuspec")!.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        string name = nuspec.Descendants().Single(e => e.Name.LocalName == "readme").Value;
        using var reader = new StreamReader(zip.GetEntry(name.Replace('\\', '/'))!.Open());
        return reader.ReadToEnd();
    }
}
