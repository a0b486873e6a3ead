using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Micrograd.Tests.Packaging;

/// <summary>
/// Every C# block of README.md and of the pages in docs/ compiles against the library without a warning and runs,
/// and the pages' printed figures are what CPython computes or what the code draws; their links lead somewhere.
/// </summary>
[Collection(ConsoleAndFolderCollection.Name)]
public sealed class DocsExampleTests
{
    public static TheoryData<string> Pages() => new(MarkdownPage.PagesWithExamples());

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_compiles_without_warnings_and_runs(string page)
    {
        MarkdownPage markdown = MarkdownPage.Load(page);
        List<string> blocks = markdown.Blocks("csharp");
        for (int i = 0; i < blocks.Count; i++)
        {
            Snippet.Compile(blocks[i], out IReadOnlyList<Diagnostic> diagnostics);
            diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).Should().BeEmpty($"block {i} of {page}");
        }

        PageExamples.Outputs(markdown).Should().HaveCount(blocks.Count, "every block ran to its end");
    }

    [Fact]
    public void The_pages_with_examples_include_README_and_every_page_of_docs() =>
        MarkdownPage.PagesWithExamples().Should().Contain(["README.md", "docs/compiled-replay.md", "docs/user-defined-operations.md", "docs/second-derivatives.md", "docs/pictures.md"]);

    [Theory]
    [MemberData(nameof(PagesWithLinks))]
    public void Every_relative_link_and_image_leads_to_a_file_of_the_repository(string page)
    {
        MarkdownPage markdown = MarkdownPage.Load(page);
        var broken = new List<string>();
        // A target with a scheme (https:, mailto:, docfx's xref:) is not a file of the repository.
        foreach (string target in markdown.LinkTargets().Where(t => !Regex.IsMatch(t, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)))
        {
            string path = target.Split('#')[0];
            string anchor = target.Contains('#', StringComparison.Ordinal) ? target[(target.IndexOf('#', StringComparison.Ordinal) + 1)..] : "";
            string file = path.Length == 0 ? Path.Combine(RepositoryFolder.Root, page) : Path.GetFullPath(Path.Combine(markdown.Folder, path));
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                broken.Add(target);
            }
            else if (anchor.Length > 0 && file.EndsWith(".md", StringComparison.Ordinal)
                && !MarkdownPage.Load(Path.GetRelativePath(RepositoryFolder.Root, file)).HeadingAnchors().Contains(anchor))
            {
                broken.Add(target + " (no such heading)");
            }
        }

        string.Join(", ", broken).Should().BeEmpty($"every link of {page} leads somewhere");
    }

    public static TheoryData<string> PagesWithLinks() => new(MarkdownPage.PagesWithExamples().Append(".github/CONTRIBUTING.md"));

    [Fact]
    public void Every_project_a_page_tells_you_to_run_exists()
    {
        foreach (string page in PagesWithLinks())
        {
            foreach (Match command in Regex.Matches(MarkdownPage.Load(page).Text, @"--project ([\w./-]+)"))
            {
                Directory.Exists(Path.Combine(RepositoryFolder.Root, command.Groups[1].Value)).Should().BeTrue($"{page} runs {command.Value}");
            }
        }
    }

    [Fact]
    public void The_second_derivatives_example_prints_what_CPython_computes()
    {
        // python3 -c "import math; x,y=3.0,0.5; print(2*x*y, f'{x*x+math.cos(y):.6f}', 2*y, 2*x, f'{-math.sin(y):.6f}')"
        // prints 3.0 9.877583 1.0 6.0 -0.479426 (C# prints 3.0 as 3)
        var page = MarkdownPage.Load("docs/second-derivatives.md");
        Output(page, "Gradients.Hessian(g,").Should().Be("3 9.877583\n1 6\n-0.479426\n1 6\n");
    }

    [Fact]
    public void The_user_defined_operation_examples_print_what_CPython_computes()
    {
        var page = MarkdownPage.Load("docs/user-defined-operations.md");

        // python3 -c "import math; s=1.5/2.5; y=math.tanh(3*s); print(f'{y:.4f} {(1-y*y)*3/2.5**2:.4f}')"
        string[] lines = Output(page, "Gradients.Check(").Split('\n');
        lines[0].Should().Be("0.9468 0.0497");
        lines[1].Should().Be("True");
        lines[2].Should().StartWith("Gradient check passed");

        // Replayed at x = -0.5: python3 -c "x=-0.5; d=1+abs(x); print(f'{3*x/d:.4f} {3/d**2:.4f}')" prints -1.0000 1.3333
        Output(page, "y.Compile()").Should().Be("-1.0000 1.3333\n");

        // At x = 1.5: python3 -c "d=2.5; print(f'{1/d**2:.4f} {-2/d**3:.4f}')" prints 0.1600 -0.1280
        Output(page, "createGraph: true").Should().Be("0.1600 -0.1280\n");
    }

    [Fact]
    public void The_docs_start_page_prints_the_lecture_neuron_figures_CPython_computes()
    {
        // python3 -c "import math; y=math.tanh(2*-0.5+0.5); print(f'{y:.4f} {(1-y*y)*-0.5:.4f} {(1-y*y)*2:.4f}')"
        PageExamples.Outputs(MarkdownPage.Load("docs/index.md")).Should().Equal("-0.4621 -0.3932 1.5729\n");
    }

    [Fact]
    public void The_mermaid_picture_is_what_ToMermaid_draws_for_the_graph_it_describes()
    {
        var x = new Value(2.0, "x");
        var w = new Value(-0.5, "w");
        var b = new Value(0.5, "b");
        Value y = (x * w + b).Tanh();
        y.Backward();
        MarkdownPage.Load("docs/pictures.md").Blocks("mermaid").Should().ContainSingle().Which.Should().Be(y.ToMermaid());
    }

    [Fact]
    public void The_microgpt_page_shows_lines_the_Python_original_prints()
    {
        string python = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "tests", "MicroGpt.Tests", "Resources", "python-default.txt")).ReplaceLineEndings("\n");
        List<string> pythonLines = python.Split('\n').ToList();
        string shown = MarkdownPage.Load("docs/microgpt.md").Blocks("").Single(b => b.Contains("num docs", StringComparison.Ordinal));
        foreach (string line in shown.Split('\n').Where(l => l.Length > 0 && l != "..."))
        {
            pythonLines.Should().Contain(line);
        }
    }

    private static string Output(MarkdownPage page, string marker)
    {
        List<string> blocks = page.Blocks("csharp");
        int index = blocks.FindIndex(b => b.Contains(marker, StringComparison.Ordinal));
        blocks.Count(b => b.Contains(marker, StringComparison.Ordinal)).Should().Be(1, marker);
        return PageExamples.Outputs(page)[index];
    }
}
