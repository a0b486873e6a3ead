using PuppeteerSharp;

namespace Micrograd.BrowserTests;

/// <summary>
/// One headless Chromium (or Chrome) for all the browser tests: the system's own, found on disk, driven over the
/// DevTools protocol. Nothing is downloaded. When none is found, <see cref="MissingReason"/> says so and the tests
/// skip with that reason.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IBrowser? _browser;

    /// <summary>The browser's executable, or null when none was found.</summary>
    public string? ExecutablePath { get; } = Find();

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? MissingReason => ExecutablePath is not null
        ? null
        : string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MICROGRAD_CHROMIUM"))
            ? "No Chromium or Chrome found (set MICROGRAD_CHROMIUM, or install Debian's chromium package as .ci/run does)."
            : "MICROGRAD_CHROMIUM names no file: " + Environment.GetEnvironmentVariable("MICROGRAD_CHROMIUM");

    /// <summary>Where screenshots and the pages under test are written: TestResults/browser at the repository's root, or MICROGRAD_SCREENSHOTS.</summary>
    public static string OutputFolder { get; } = FindOutputFolder();

    public async Task InitializeAsync()
    {
        if (ExecutablePath is null)
        {
            return;
        }

        var args = new List<string> { "--disable-gpu", "--hide-scrollbars", "--font-render-hinting=none", "--allow-file-access-from-files" };
        if (OperatingSystem.IsLinux())
        {
            args.Add("--no-sandbox"); // the tests run as root in CI, where Chromium's sandbox refuses to start
        }

        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ExecutablePath,
            Args = args.ToArray(),
            Timeout = 120_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
    }

    /// <summary>Opens a page from disk in a new tab, recording console errors, script errors and every request it makes.</summary>
    public async Task<OpenPage> OpenAsync(string path, int width = 1400, int height = 900)
    {
        var page = await _browser!.NewPageAsync();
        page.DefaultTimeout = 60_000;
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        var opened = new OpenPage(page);
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                opened.Errors.Add("console: " + e.Message.Text);
            }
        };
        page.PageError += (_, e) => opened.Errors.Add("script: " + e.Message);
        page.Request += (_, e) => opened.Requests.Add(e.Request.Url);
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        await page.GoToAsync(uri, WaitUntilNavigation.Load);
        opened.Url = uri;
        return opened;
    }

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("MICROGRAD_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        string programFiles = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles);
        string programFilesX86 = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86);
        string[] candidates =
        [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable",
            "/snap/bin/chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            Path.Combine(programFiles, "Google", "Chrome", "Application", "chrome.exe"),
            Path.Combine(programFilesX86, "Google", "Chrome", "Application", "chrome.exe"),
            Path.Combine(programFilesX86, "Microsoft", "Edge", "Application", "msedge.exe"),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    private static string FindOutputFolder()
    {
        string? configured = Environment.GetEnvironmentVariable("MICROGRAD_SCREENSHOTS");
        string folder;
        if (!string.IsNullOrEmpty(configured))
        {
            folder = configured;
        }
        else
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Micrograd.sln")))
            {
                directory = directory.Parent;
            }

            folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "browser");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>A page open in the browser, with what it reported.</summary>
public sealed class OpenPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public string Url { get; set; } = string.Empty;

    public List<string> Errors { get; } = [];

    public List<string> Requests { get; } = [];

    public Task<T> Eval<T>(string script) => Page.EvaluateExpressionAsync<T>(script);

    public async Task ScreenshotAsync(string name)
    {
        // The page's content, not the empty window below it.
        double bottom = await Eval<double>(
            "Math.max(...Array.from(document.body.children).filter(e => e.tagName !== 'SCRIPT').map(e => e.getBoundingClientRect().bottom))");
        double width = await Eval<double>("document.documentElement.scrollWidth");
        await Page.ScreenshotAsync(Path.Combine(Browser.OutputFolder, name), new ScreenshotOptions
        {
            Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = (decimal)width, Height = (decimal)Math.Ceiling(bottom + 12) },
        });
    }

    /// <summary>Checks that the page logged no error and fetched nothing but itself (no network, no other file).</summary>
    public void ShouldBeCleanAndSelfContained()
    {
        Errors.Should().BeEmpty("the page must run without console or script errors");
        Requests.Where(url => url != Url && !url.StartsWith("data:", StringComparison.Ordinal))
            .Should().BeEmpty("the page must load nothing but itself");
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
}
