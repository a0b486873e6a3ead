namespace Micrograd.Tests.Packaging;

/// <summary>Finds the repository's root (where Micrograd.sln is) from the test's output folder.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    /// <summary>The package version set once in Directory.Build.props.</summary>
    public static string PackageVersion { get; } =
        System.Xml.Linq.XDocument.Load(Path.Combine(Root, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value;

    public static string Packages => Path.Combine(Root, "artifacts", "packages");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Micrograd.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Micrograd.sln not found above " + AppContext.BaseDirectory);
    }
}
