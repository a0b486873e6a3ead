using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Micrograd.Tests.Packaging;

/// <summary>Compiles a C# block of a page against the library, as a user's program, and runs it.</summary>
internal static class Snippet
{
    /// <summary>Compiles <paramref name="code"/> into a console program; fails the test if it does not compile.</summary>
    public static byte[] Compile(string code, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(Value).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));

        // A file-based app's "#:package" lines are directives the .NET SDK reads; the compiler accepts them with this feature.
        var options = new CSharpParseOptions(LanguageVersion.Latest).WithFeatures([new("FileBasedProgram", "true")]);
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [CSharpSyntaxTree.ParseText(code, options)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        diagnostics = result.Diagnostics;
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }

    /// <summary>
    /// Compiles and runs <paramref name="code"/> in <paramref name="folder"/> (its current directory, for the files
    /// it reads and writes) with the invariant culture, and returns what it printed, with "\n" line ends.
    /// Console and current directory are the process's: callers are in the <see cref="ConsoleAndFolderCollection"/>.
    /// </summary>
    public static string Run(string code, string folder)
    {
        byte[] assembly = Compile(code, out _);
        var context = new AssemblyLoadContext("page-snippet", isCollectible: true);
        var output = new StringWriter();
        TextWriter console = Console.Out;
        CultureInfo culture = CultureInfo.CurrentCulture;
        string currentDirectory = Environment.CurrentDirectory;
        try
        {
            Console.SetOut(output);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Environment.CurrentDirectory = folder;
            MethodInfo entry = context.LoadFromStream(new MemoryStream(assembly)).EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Environment.CurrentDirectory = currentDirectory;
            Console.SetOut(console);
            CultureInfo.CurrentCulture = culture;
            context.Unload();
        }

        return output.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>Runs every C# block of <paramref name="page"/> in order in one new temporary folder, and returns each one's output.</summary>
    public static List<string> RunAll(MarkdownPage page)
    {
        string folder = Directory.CreateTempSubdirectory("micrograd-page-").FullName;
        try
        {
            return page.Blocks("csharp").Select(block => Run(block, folder)).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Tests that redirect the console or change the current directory, which belong to the whole process: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleAndFolderCollection
{
    public const string Name = "console and current directory";
}
