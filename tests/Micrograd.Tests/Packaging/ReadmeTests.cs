using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Micrograd.Tests.Packaging;

/// <summary>The README tells the truth: every C# block compiles, the quick start prints the published figures, and the pictures match the code.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "README.md"));

    private static List<string> Blocks(string language) =>
        Regex.Matches(Readme, "```" + language + "\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    public static TheoryData<int> CSharpBlocks()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Blocks("csharp").Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void Every_csharp_block_compiles_against_the_library(int index)
    {
        Compile(Blocks("csharp")[index], out IEnumerable<Diagnostic> diagnostics);
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void The_quick_start_prints_the_figures_of_the_python_original() =>
        Run(Blocks("csharp")[0]).Should().Be("4.6252\n27.0601\n117.3345\n");

    [Fact]
    public void The_second_derivatives_example_prints_what_CPython_computes()
    {
        // python3 -c "import math; x,y=3.0,0.5; print(2*x*y, f'{x*x+math.cos(y):.6f}', 2*y, 2*x, f'{-math.sin(y):.6f}')"
        // prints 3.0 9.877583 1.0 6.0 -0.479426 (C# prints 3.0 as 3)
        string block = Blocks("csharp").Single(b => b.Contains("Gradients.Hessian(g,", StringComparison.Ordinal));
        Run(block).Should().Be("3 9.877583\n1 6\n-0.479426\n1 6\n");
    }

    [Fact]
    public void The_user_defined_operation_example_prints_what_CPython_computes()
    {
        // python3 -c "import math; s=1.5/2.5; y=math.tanh(3*s); print(f'{y:.4f} {(1-y*y)*3/2.5**2:.4f}')"
        string block = Blocks("csharp").Single(b => b.Contains("Value.Function(\"softsign\"", StringComparison.Ordinal));
        string[] lines = Run(block).Split('\n');
        lines[0].Should().Be("0.9468 0.0497");
        lines[1].Should().Be("True");
        lines[2].Should().StartWith("Gradient check passed");
    }

    [Fact]
    public void The_operation_shown_in_Adding_an_operation_is_the_source_file_itself()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "src", "Micrograd", "Operations", "Tanh.cs")).ReplaceLineEndings("\n");
        Blocks("cs").Should().ContainSingle().Which.ReplaceLineEndings("\n").Should().Be(source);
    }

    private static string Run(string code)
    {
        byte[] assembly = Compile(code, out _);
        var context = new AssemblyLoadContext("readme-quick-start", isCollectible: true);
        var output = new StringWriter();
        TextWriter console = Console.Out;
        CultureInfo culture = CultureInfo.CurrentCulture;
        try
        {
            Console.SetOut(output);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            MethodInfo entry = context.LoadFromStream(new MemoryStream(assembly)).EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(console);
            CultureInfo.CurrentCulture = culture;
            context.Unload();
        }

        return output.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void The_quick_start_is_the_QuickStart_sample()
    {
        string sample = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "samples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");
        string quickStart = Blocks("csharp")[0].ReplaceLineEndings("\n");
        string body = quickStart[quickStart.IndexOf("var a = ", StringComparison.Ordinal)..];
        sample.Should().Contain(body);
    }

    [Fact]
    public void The_mermaid_picture_is_what_ToMermaid_draws_for_the_graph_it_describes()
    {
        var x = new Value(2.0, "x");
        var w = new Value(-0.5, "w");
        var b = new Value(0.5, "b");
        Value y = (x * w + b).Tanh();
        y.Backward();
        Blocks("mermaid").Should().ContainSingle().Which.Should().Be(y.ToMermaid());
    }

    [Fact]
    public void The_two_commands_name_projects_that_exist()
    {
        Readme.Should().Contain("dotnet run --project samples/Moons").And.Contain("dotnet test");
        File.Exists(Path.Combine(RepositoryFolder.Root, "samples", "Moons", "Moons.csproj")).Should().BeTrue();
        File.ReadAllText(Path.Combine(RepositoryFolder.Root, ".ci", "run")).Should().Contain("dotnet test 2>&1", "CI runs the README's test command");
    }

    [Fact]
    public void Pictures_the_README_shows_exist()
    {
        MatchCollection images = Regex.Matches(Readme, @"!\[[^\]]*\]\(([^)]+)\)");
        images.Count.Should().BeGreaterThanOrEqualTo(4, "the README shows the decision boundary, the neuron, and the two pages");
        foreach (Match image in images)
        {
            File.Exists(Path.Combine(RepositoryFolder.Root, image.Groups[1].Value)).Should().BeTrue(image.Groups[1].Value);
        }
    }

    private static byte[] Compile(string code, out IEnumerable<Diagnostic> diagnostics)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(Value).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        diagnostics = result.Diagnostics;
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
