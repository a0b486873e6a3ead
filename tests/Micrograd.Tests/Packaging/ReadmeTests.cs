using System.Text;
using System.Text.RegularExpressions;

namespace Micrograd.Tests.Packaging;

/// <summary>
/// The README tells the truth and fits on a page: the quick start prints the published figures, also as a
/// file-based app against the packed package, the saved model predicts, the API table shows what the code
/// prints, and the contents, commands and pictures point at things that exist.
/// </summary>
[Collection(ConsoleAndFolderCollection.Name)]
public sealed class ReadmeTests
{
    private static readonly MarkdownPage Readme = MarkdownPage.Load("README.md");
    private static readonly string Package = Path.Combine(RepositoryFolder.Packages, $"Micrograd.{RepositoryFolder.PackageVersion}.nupkg");

    [Fact]
    public void The_README_is_at_most_15_KB() =>
        Encoding.UTF8.GetByteCount(Readme.Text).Should().BeLessThanOrEqualTo(15 * 1024, "the README fits on a page; long topics go to docs/");

    [Fact]
    public void The_contents_link_to_every_section_in_order()
    {
        List<string> sections = Regex.Matches(Readme.Prose, "^## +(.+?) *$", RegexOptions.Multiline).Select(m => MarkdownPage.Anchor(m.Groups[1].Value)).ToList();
        string contents = Regex.Match(Readme.Text, @"^\*\*Contents:\*\*.*?\n\n", RegexOptions.Singleline | RegexOptions.Multiline).Value;
        List<string> listed = Regex.Matches(contents, @"\]\(#([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        listed.Should().Equal(sections);
    }

    [Fact]
    public void The_quick_start_prints_the_figures_of_the_python_original() =>
        PageExamples.Outputs(Readme)[0].Should().Be("4.6252\n27.0601\n117.3345\n");

    [Fact]
    public void The_minimising_example_reaches_the_minimum_CPython_reaches()
    {
        // python3, the same 50,000 steps with the gradient written by hand: x = (0.9999999991309529, 0.9999999982584282).
        int block = Readme.Blocks("csharp").FindIndex(b => b.Contains("Gradients.Compile(", StringComparison.Ordinal));
        PageExamples.Outputs(Readme)[block].Should().Be("x = (1.000000, 1.000000)\n");
    }

    [Fact]
    public void The_reading_guide_lists_at_most_five_files_of_at_most_400_lines_and_says_how_many()
    {
        // Lines that are neither blank nor comments, counted as the README counts them.
        string section = Readme.Text[Readme.Text.IndexOf("## Reading the engine", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("The rest adds", StringComparison.Ordinal)];
        string[] files = Regex.Matches(section, @"\]\((src/Micrograd/[^)]+\.cs)\)")
            .Select(match => match.Groups[1].Value).ToArray();
        int lines = files.Sum(file => File.ReadAllLines(Path.Combine(RepositoryFolder.Root, file))
            .Count(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));

        files.Should().HaveCountGreaterThan(1).And.HaveCountLessThanOrEqualTo(5);
        lines.Should().BeLessThanOrEqualTo(400);
        section.Should().Contain("(" + lines + " lines that are not blank or comments)");
    }

    [Fact]
    public void The_quick_start_is_the_QuickStart_sample()
    {
        string sample = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "samples", "QuickStart", "Program.cs")).ReplaceLineEndings("\n");
        string quickStart = Readme.Blocks("csharp")[0];
        sample.Should().Contain(quickStart[quickStart.IndexOf("var a = ", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void The_saved_model_loads_and_predicts_every_training_point_and_the_bottom_of_the_lower_moon()
    {
        // micrograd's demo reaches 100% accuracy; (1, -0.5) is where make_moons puts the lowest point of the lower
        // moon (1 - cos t, 0.5 - sin t at t = π/2), whose signed label is +1.
        int block = Readme.Blocks("csharp").FindIndex(b => b.Contains("MLP.Load(\"moons.json\")", StringComparison.Ordinal));
        block.Should().BeGreaterThan(Readme.Blocks("csharp").FindIndex(b => b.Contains("model.Save(\"moons.json\")", StringComparison.Ordinal)));
        PageExamples.Outputs(Readme)[block].Should().Be("100 of 100 right\nlower moon\n");
    }

    [Fact]
    public void The_API_table_shows_what_ToString_prints()
    {
        // The quick start's g after Backward(): 4.6252 (the published figure) with gradient 1.
        var a = new Value(-4.0);
        var b = new Value(2.0);
        var c = a + b;
        var d = a * b + b.Pow(3);
        c += c + 1;
        c += 1 + c + (-a);
        d += d * 2 + (b + a).Tanh();
        d += 3 * d + (b - a).Tanh();
        var e = c - d;
        var f = e.Pow(2);
        var g = f / 2.0;
        g += 10.0 / f;
        g.Backward();
        string row = Readme.Text.Split('\n').Single(line => line.StartsWith("| `ToString()`", StringComparison.Ordinal));

        row.Should().Contain(new Value(2.5, "x").ToString()).And.Contain("`Value(data=2.5, grad=0, label=x)`");
        row.Should().Contain(System.FormattableString.Invariant($"`{g:F4}`")).And.Contain("`Value(data=4.6252, grad=1.0000)`");
    }

    [SkippableFact]
    public void The_quick_start_runs_as_a_file_based_app_with_the_README_nuget_config_against_the_packed_package()
    {
        Skip.IfNot(File.Exists(Package), $"{Package} has not been packed.");
        string app = Directory.CreateTempSubdirectory("micrograd-file-based-app-").FullName;
        try
        {
            // The README's nuget.config, with its source pointing at this repository's packages instead of a clone beside the app.
            string config = Readme.Blocks("xml").Single(b => b.Contains("<packageSources>", StringComparison.Ordinal));
            config.Should().Contain("value=\"Micrograd/artifacts/packages\"").And.Contain("<add key=\"globalPackagesFolder\" value=\"packages\" />");
            File.WriteAllText(Path.Combine(app, "nuget.config"), config.Replace("Micrograd/artifacts/packages", RepositoryFolder.Packages, StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(app, "app.cs"), Readme.Blocks("csharp")[0]);
            Readme.Text.Should().Contain("`dotnet run app.cs`");

            (int exitCode, string output) = DotnetCommand.Run("dotnet", "run app.cs", app);

            exitCode.Should().Be(0, output);
            output.ReplaceLineEndings("\n").Should().StartWith("4.6252\n27.0601\n117.3345\n");
            Directory.Exists(Path.Combine(app, "packages", "micrograd", RepositoryFolder.PackageVersion)).Should().BeTrue("the app restores into its own packages folder");
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    [Fact]
    public void The_install_section_says_the_package_is_not_on_nuget_org_yet_and_what_a_net48_project_needs()
    {
        string install = Readme.Text[Readme.Text.IndexOf("## Install", StringComparison.Ordinal)..Readme.Text.IndexOf("## Quick start", StringComparison.Ordinal)];
        install.Should().Contain("dotnet add package Micrograd").And.Contain("Not on nuget.org yet").And.Contain("dotnet pack");
        install.Should().Contain("<LangVersion>latest</LangVersion>");
    }

    [Fact]
    public void The_two_commands_name_projects_that_exist()
    {
        Readme.Text.Should().Contain("dotnet run --project samples/Moons").And.Contain("dotnet test");
        File.Exists(Path.Combine(RepositoryFolder.Root, "samples", "Moons", "Moons.csproj")).Should().BeTrue();
        File.ReadAllText(Path.Combine(RepositoryFolder.Root, ".ci", "run")).Should().Contain("dotnet test 2>&1", "CI runs the README's test command");
    }

    [Fact]
    public void The_README_shows_one_picture_of_each_kind_and_each_exists()
    {
        List<string> images = Readme.ImageTargets();
        images.Should().BeEquivalentTo(
            "samples/Moons/decision-boundary.png", "samples/QuickStart/neuron.png", "samples/QuickStart/neuron-html.png", "samples/Moons/training-html.png");
        images.Should().OnlyContain(image => File.Exists(Path.Combine(RepositoryFolder.Root, image)));
    }
}
