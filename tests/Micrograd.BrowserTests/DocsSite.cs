using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PuppeteerSharp;

namespace Micrograd.BrowserTests;

/// <summary>
/// The docs site, built once for the tests the way CI and the Pages workflow build it (`dotnet tool restore`, then
/// `dotnet docfx docs/docfx.json --warningsAsErrors`, into artifacts/docs-site), served over HTTP on the loopback
/// address as GitHub Pages serves it (the site's scripts are ES modules, which browsers do not load from files),
/// and a headless Chromium to open it when one is installed.
/// </summary>
public sealed class DocsSite : IAsyncLifetime
{
    private HttpListener? _server;
    private Task? _serving;
    private IBrowser? _browser;

    public static string Root { get; } = FindRoot();

    public static string Folder => Path.Combine(Root, "artifacts", "docs-site");

    /// <summary>The exit code of the build: 0 only when docfx reported no warning and no error.</summary>
    public int ExitCode { get; private set; }

    /// <summary>What `dotnet tool restore` and docfx printed.</summary>
    public string Output { get; private set; } = "";

    public TimeSpan BuildTime { get; private set; }

    /// <summary>The site's address, such as http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? BrowserMissingReason { get; } = new Browser().MissingReason;

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        (int restore, string restoreOutput) = Run("dotnet", "tool restore");
        (int build, string buildOutput) = restore == 0 ? Run("dotnet", "docfx docs/docfx.json --warningsAsErrors") : (restore, "");
        BuildTime = clock.Elapsed;
        ExitCode = build;
        Output = restoreOutput + buildOutput;
        if (ExitCode != 0)
        {
            return;
        }

        int port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _server = new HttpListener();
        _server.Prefixes.Add(Address.AbsoluteUri);
        _server.Start();
        _serving = Task.Run(Serve);

        string? chromium = new Browser().ExecutablePath;
        if (chromium is not null)
        {
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = chromium,
                Args = OperatingSystem.IsLinux() ? ["--disable-gpu", "--no-sandbox"] : ["--disable-gpu"],
                Timeout = 120_000,
            });
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        if (_server is not null)
        {
            _server.Stop();
            _server.Close();
            await _serving!.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Opens a page of the site, recording console errors, script errors and failed requests.</summary>
    public async Task<OpenPage> OpenAsync(string relativeUrl)
    {
        IPage page = await _browser!.NewPageAsync();
        page.DefaultTimeout = 60_000;
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 900 });
        var opened = new OpenPage(page);
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                opened.Errors.Add("console: " + e.Message.Text + " at " + e.Message.Location?.URL);
            }
        };
        page.PageError += (_, e) => opened.Errors.Add("script: " + e.Message);
        page.RequestFailed += (_, e) => opened.Errors.Add("request failed: " + e.Request.Url);
        page.Response += (_, e) =>
        {
            if ((int)e.Response.Status >= 400)
            {
                opened.Errors.Add($"HTTP {(int)e.Response.Status}: {e.Response.Url}");
            }
        };
        page.Request += (_, e) => opened.Requests.Add(e.Request.Url);
        opened.Url = new Uri(Address, relativeUrl).AbsoluteUri;
        await page.GoToAsync(opened.Url, WaitUntilNavigation.Networkidle0);
        return opened;
    }

    // A static file server for the built site, on the loopback address only.
    private async Task Serve()
    {
        while (_server!.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            string file = Path.GetFullPath(Path.Combine(Folder, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative));
            using HttpListenerResponse response = context.Response;
            if (!file.StartsWith(Folder, StringComparison.Ordinal) || !File.Exists(file))
            {
                response.StatusCode = 404;
                continue;
            }

            response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".json" or ".map" => "application/json",
                ".svg" => "image/svg+xml",
                ".png" => "image/png",
                ".ico" => "image/x-icon",
                ".woff2" => "font/woff2",
                ".woff" => "font/woff",
                _ => "application/octet-stream",
            };
            byte[] content = await File.ReadAllBytesAsync(file);
            response.ContentLength64 = content.Length;
            try
            {
                await response.OutputStream.WriteAsync(content);
            }
            catch (HttpListenerException)
            {
                // The browser closed the connection (it navigated away); nothing to do.
            }
        }
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };

        // The test host runs under MSBuild's environment; docfx loads the library's project with MSBuild from a clean one.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRoot()
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

[CollectionDefinition(Name)]
public sealed class DocsSiteCollection : ICollectionFixture<DocsSite>
{
    public const string Name = "docs site";
}
