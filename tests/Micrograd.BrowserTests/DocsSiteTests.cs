using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Micrograd.BrowserTests;

/// <summary>
/// The docs site builds from docs/ and the XML documentation with no docfx warning, its start page and the API
/// page of <see cref="Value"/> open in Chromium without a console error, and no internal link of the site is broken.
/// </summary>
[Collection(DocsSiteCollection.Name)]
public sealed partial class DocsSiteTests(DocsSite site, ITestOutputHelper output)
{
    [GeneratedRegex("""(?:href|src)\s*=\s*"([^"]*)"|(?:href|src)\s*=\s*'([^']*)'""", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();

    [GeneratedRegex("""\sid\s*=\s*["']([^"']+)["']|\sname\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Target();

    [Fact]
    public void The_site_builds_with_warnings_as_errors()
    {
        site.ExitCode.Should().Be(0, site.Output);
        site.Output.Should().Contain("0 warning(s)").And.Contain("0 error(s)");
        output.WriteLine($"dotnet tool restore and docfx took {site.BuildTime.TotalSeconds:F1} s"); // shown with --logger "console;verbosity=detailed"
    }

    [SkippableFact]
    public async Task The_start_page_opens_without_console_errors_and_leads_to_the_topics_and_the_API()
    {
        site.ExitCode.Should().Be(0, site.Output);
        Skip.If(site.BrowserMissingReason is not null, site.BrowserMissingReason);
        await using OpenPage page = await site.OpenAsync("index.html");

        page.Errors.Should().BeEmpty();
        (await page.Eval<string>("document.querySelector('article h1').textContent")).Should().Be("Micrograd for .NET");
        string links = await page.Eval<string>("Array.from(document.querySelectorAll('article a')).map(a => a.getAttribute('href')).join(' ')");
        links.Should().Contain("compiled-replay.html").And.Contain("performance.html").And.Contain("api/Micrograd.html");
        await page.Page.ScreenshotAsync(Path.Combine(Browser.OutputFolder, "docs-site-start.png")); // the first screen
    }

    [SkippableFact]
    public async Task The_API_page_of_Value_opens_without_console_errors_and_documents_its_members()
    {
        site.ExitCode.Should().Be(0, site.Output);
        Skip.If(site.BrowserMissingReason is not null, site.BrowserMissingReason);
        await using OpenPage page = await site.OpenAsync("api/Micrograd.Value.html");

        page.Errors.Should().BeEmpty();
        string text = await page.Eval<string>("document.querySelector('article').innerText");
        text.Should().Contain("Class Value").And.Contain("Backward()").And.Contain("Gradients");
        text.Should().Contain("Value(data=", "the XML docs' examples are shown");
        await page.Page.ScreenshotAsync(Path.Combine(Browser.OutputFolder, "docs-site-value.png"));
    }

    [SkippableFact]
    public async Task A_page_with_a_Mermaid_block_draws_it_without_console_errors()
    {
        site.ExitCode.Should().Be(0, site.Output);
        Skip.If(site.BrowserMissingReason is not null, site.BrowserMissingReason);
        await using OpenPage page = await site.OpenAsync("pictures.html");

        await page.Page.WaitForSelectorAsync("article svg");
        page.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Every_internal_link_of_the_site_leads_to_a_file_and_anchor_that_exist_and_the_crawl_reaches_every_page()
    {
        site.ExitCode.Should().Be(0, site.Output);
        string root = Path.GetFullPath(DocsSite.Folder) + Path.DirectorySeparatorChar;
        var broken = new List<string>();
        // The start page and the tables of contents, which the site's script loads into every page's navigation.
        var seen = new HashSet<string>(StringComparer.Ordinal) { Path.Combine(root, "index.html"), Path.Combine(root, "toc.html"), Path.Combine(root, "api", "toc.html") };
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            string page = queue.Dequeue();
            string html = File.ReadAllText(page);
            foreach (Match match in Reference().Matches(html))
            {
                string reference = WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
                if (reference.Length == 0 || reference.StartsWith('#') || Regex.IsMatch(reference, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase) || reference.StartsWith("//", StringComparison.Ordinal))
                {
                    continue; // an anchor on this page, or an absolute address (another site, mailto:, data:)
                }

                string[] parts = reference.Split('#', 2);
                string path = Uri.UnescapeDataString(parts[0].Split('?')[0]);
                string file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
                if (path.EndsWith('/') || Directory.Exists(file))
                {
                    file = Path.Combine(file, "index.html");
                }

                string where = $"{Path.GetRelativePath(root, page)} -> {reference}";
                if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
                {
                    broken.Add(where);
                    continue;
                }

                if (file.EndsWith(".html", StringComparison.Ordinal))
                {
                    if (parts.Length == 2 && parts[1].Length > 0 && !Anchors(file).Contains(Uri.UnescapeDataString(parts[1])))
                    {
                        broken.Add(where + " (no such anchor)");
                    }

                    if (seen.Add(file))
                    {
                        queue.Enqueue(file);
                    }
                }
            }
        }

        broken.Should().BeEmpty();
        var pages = seen.Select(file => Path.GetRelativePath(root, file).Replace('\\', '/')).ToList();
        pages.Should().Contain(["api/Micrograd.Value.html", "compiled-replay.html", "user-defined-operations.html", "second-derivatives.html",
            "pictures.html", "microgpt.html", "performance.html", "api/Micrograd.Nn.MLP.html"]);
        foreach (string markdown in Directory.GetFiles(Path.Combine(DocsSite.Root, "docs"), "*.md"))
        {
            string name = Path.GetFileNameWithoutExtension(markdown) + ".html";
            pages.Should().Contain(name, $"docs/{Path.GetFileName(markdown)} is in the site's table of contents");
        }
    }

    private static readonly Dictionary<string, HashSet<string>> AnchorsByFile = new(StringComparer.Ordinal);

    private static HashSet<string> Anchors(string file)
    {
        lock (AnchorsByFile)
        {
            if (!AnchorsByFile.TryGetValue(file, out HashSet<string>? anchors))
            {
                anchors = Target().Matches(File.ReadAllText(file))
                    .Select(m => WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
                    .ToHashSet(StringComparer.Ordinal);
                AnchorsByFile[file] = anchors;
            }

            return anchors;
        }
    }
}
