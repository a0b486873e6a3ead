using System.IO.Compression;
using System.Xml.Linq;

namespace Micrograd.Tests.Packaging;

/// <summary>
/// The packed NuGet package, as `dotnet pack src/Micrograd -c Release` writes it to artifacts/packages
/// (.ci/run packs before testing; without a package these tests are skipped).
/// </summary>
public sealed class PackageTests
{
    private static readonly string Package = Path.Combine(RepositoryFolder.Packages, $"Micrograd.{RepositoryFolder.PackageVersion}.nupkg");
    private static readonly string Symbols = Path.ChangeExtension(Package, ".snupkg");

    [SkippableFact]
    public void The_package_has_the_library_and_its_docs_for_every_framework_plus_its_readme_and_licence()
    {
        Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
        using ZipArchive zip = ZipFile.OpenRead(Package);
        var files = zip.Entries.Select(e => e.FullName).ToList();
        foreach (string framework in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            files.Should().Contain($"lib/{framework}/Micrograd.dll").And.Contain($"lib/{framework}/Micrograd.xml");
        }

        files.Should().Contain("PACKAGE.md").And.Contain("LICENSE");
        files.Should().NotContain(f => f.EndsWith(".pdb", StringComparison.Ordinal), "symbols go in the .snupkg");
    }

    [SkippableFact]
    public void The_nuspec_carries_the_metadata_a_package_page_shows()
    {
        Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
        XElement metadata = Nuspec().Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Field("id").Should().Be("Micrograd");
        Field("version").Should().Be(RepositoryFolder.PackageVersion);
        Element("license").Attribute("type")!.Value.Should().Be("expression");
        Field("license").Should().Be("MIT");
        Field("readme").Should().Be("PACKAGE.md");
        Field("description").Should().Contain("micrograd");
        Field("tags").Split(' ').Should().Contain("autograd").And.Contain("micrograd");
        Field("projectUrl").Should().StartWith("https://");
        Element("repository").Attribute("url")!.Value.Should().StartWith("https://");
        Field("authors").Should().NotBeNullOrWhiteSpace();
        Field("releaseNotes").Should().NotBeNullOrWhiteSpace();
    }

    [SkippableFact]
    public void Only_netstandard2_0_depends_on_anything()
    {
        Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
        var groups = Nuspec().Descendants().Where(e => e.Name.LocalName == "group")
            .ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g.Elements().Select(d => d.Attribute("id")!.Value).ToList());
        groups.Keys.Should().BeEquivalentTo(".NETStandard2.0", "net8.0", "net10.0");
        groups["net8.0"].Should().BeEmpty();
        groups["net10.0"].Should().BeEmpty();
        groups[".NETStandard2.0"].Should().Equal("System.Text.Json");
    }

    [SkippableFact]
    public void The_symbols_package_has_a_pdb_for_every_framework()
    {
        Skip.IfNot(File.Exists(Symbols), $"{Symbols} has not been packed.");
        using ZipArchive zip = ZipFile.OpenRead(Symbols);
        zip.Entries.Select(e => e.FullName).Should().Contain(
            ["lib/netstandard2.0/Micrograd.pdb", "lib/net8.0/Micrograd.pdb", "lib/net10.0/Micrograd.pdb"]);
    }

    private static XElement Nuspec()
    {
        using ZipArchive zip = ZipFile.OpenRead(Package);
        using Stream stream = zip.GetEntry("Micrograd.nuspec")!.Open();
        return XDocument.Load(stream).Root!;
    }
}
