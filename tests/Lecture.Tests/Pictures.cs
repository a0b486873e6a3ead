using System.Text.RegularExpressions;

namespace Micrograd.Samples.Lecture.Tests;

/// <summary>Checks on the pictures a chapter wrote.</summary>
public static partial class Pictures
{
    private static readonly bool s_dotInstalled = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, "dot")));

    /// <summary>The chapter wrote this PNG plot.</summary>
    public static void ShouldHavePlot(this ChapterRun run, string name)
    {
        string path = run.Picture(name + ".png");
        File.Exists(path).Should().BeTrue("the chapter plots {0}", path);
        File.ReadAllBytes(path).Take(8).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        run.Lines.Should().Contain($"[plot: lecture-pictures/{name}.png]");
    }

    /// <summary>
    /// The chapter drew this graph: the library's page (name.html), and the SVG when Graphviz's dot is installed
    /// (CI installs it), or else the line saying it is not.
    /// </summary>
    public static void ShouldHaveGraph(this ChapterRun run, string name)
    {
        string page = run.Picture(name + ".html");
        File.Exists(page).Should().BeTrue("the chapter draws {0}", page);
        File.ReadAllText(page).Should().StartWith("<!DOCTYPE html>");
        run.Lines.Should().Contain($"[graph: lecture-pictures/{name}.html]");
        string svg = run.Picture(name + ".svg");
        if (s_dotInstalled)
        {
            File.ReadAllText(svg).Should().Contain("<svg");
            run.Lines.Should().Contain($"[graph: lecture-pictures/{name}.svg]");
        }
        else
        {
            File.Exists(svg).Should().BeFalse();
            run.Lines.Should().Contain("[no SVG: Graphviz's dot is not installed (apt-get install graphviz)]");
        }
    }

    /// <summary>The graph boxes the chapter printed (label | data %.4f | grad %.4f), in order.</summary>
    public static IReadOnlyList<string> Boxes(this ChapterRun run) => run.Lines.Where(line => Box().IsMatch(line)).ToList();

    [GeneratedRegex(@"^[^|]* \| data -?[0-9]+\.[0-9]{4} \| grad -?[0-9]+\.[0-9]{4}$")]
    private static partial Regex Box();
}
