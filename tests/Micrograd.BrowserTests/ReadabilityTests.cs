using System.Text.Json;
using System.Text.RegularExpressions;
using Micrograd.Nn;

namespace Micrograd.BrowserTests;

/// <summary>
/// The pages stay readable from a phone's width up: the training page fits 420 px, explains its colours and puts
/// numbers on the boundary's axes; the graph page never shrinks its text below 12 px and names every box it
/// refers to.
/// </summary>
[Collection("browser")]
public sealed partial class ReadabilityTests(Browser browser)
{
    private async Task<OpenPage> OpenTrainingAsync(string name, int width)
    {
        TrainingRecorder recorder = TrainingPageTests.Train(10, [16, 16]);
        string path = Path.Combine(Browser.OutputFolder, name);
        recorder.Save(path);
        return await browser.OpenAsync(path, width, 900);
    }

    private async Task<OpenPage> OpenMlpGraphAsync(string name, int width)
    {
        var model = new MLP(2, [4, 4, 1], Activation.Relu, Activation.Linear, new Random(3));
        Value score = model.Forward(0.5, -1.5)[0];
        Value loss = (1 - score).Relu() + Losses.L2(model.Parameters(), 1e-4);
        string path = Path.Combine(Browser.OutputFolder, name);
        await File.WriteAllTextAsync(path, loss.ToHtml());
        return await browser.OpenAsync(path, width, 900);
    }

    [SkippableFact]
    public async Task The_training_page_fits_a_420_pixel_wide_screen()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        OpenPage page = await OpenTrainingAsync("training-420.html", 420);
        await using (page)
        {
            (await page.Eval<double>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(420);
            foreach (string id in new[] { "network", "boundary", "boundary-axes", "loss-curve", "network-legend", "readout" })
            {
                (await page.Eval<double>($"document.getElementById('{id}').getBoundingClientRect().right"))
                    .Should().BeLessThanOrEqualTo(420, "#{0} must not overflow the screen", id);
            }

            await page.ScreenshotAsync("training-420.png");
            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableFact]
    public async Task The_network_panel_has_a_legend_in_the_colours_it_draws_with()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        OpenPage page = await OpenTrainingAsync("training-legend.html", 1300);
        await using (page)
        {
            string legend = await page.Eval<string>("document.getElementById('network-legend').textContent");
            legend.Should().Contain("positive weight").And.Contain("negative weight").And.Contain("bias");
            string[] swatches = JsonSerializer.Deserialize<string[]>(await page.Eval<string>(
                "JSON.stringify(Array.from(document.querySelectorAll('#network-legend .swatch')).slice(0, 2).map(s => getComputedStyle(s).backgroundColor))"))!;
            string[] strokes = JsonSerializer.Deserialize<string[]>(await page.Eval<string>(
                "JSON.stringify(Array.from(new Set(Array.from(document.querySelectorAll('#network line.weight')).map(l => l.getAttribute('stroke')))))"))!;
            swatches.Should().Equal("rgb(33, 102, 172)", "rgb(215, 48, 31)");
            strokes.Should().BeEquivalentTo("#2166ac", "#d7301f");
        }
    }

    [SkippableTheory]
    [InlineData(1300)]
    [InlineData(420)]
    public async Task The_decision_boundary_has_ticks_on_both_axes_where_the_values_lie(int width)
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        OpenPage page = await OpenTrainingAsync("training-axes-" + width + ".html", width);
        await using (page)
        {
            // Each tick, as [value, position on screen], against the canvas's own extent on screen.
            double[] extent = await ExtentAsync(page);
            double[][] x = await TicksAsync(page, "x");
            double[][] y = await TicksAsync(page, "y");
            x.Length.Should().BeGreaterThanOrEqualTo(3);
            y.Length.Should().BeGreaterThanOrEqualTo(3);

            double[] canvas = JsonSerializer.Deserialize<double[]>(await page.Eval<string>(
                "(() => { const r = document.getElementById('boundary').getBoundingClientRect(); return JSON.stringify([r.left, r.right, r.top, r.bottom]); })()"))!;
            foreach (double[] tick in x)
            {
                tick[0].Should().BeInRange(extent[0], extent[1]);
                double expected = canvas[0] + (tick[0] - extent[0]) / (extent[1] - extent[0]) * (canvas[1] - canvas[0]);
                tick[1].Should().BeApproximately(expected, 1.0, "the tick for x = {0} sits where x = {0} is drawn", tick[0]);
            }

            foreach (double[] tick in y)
            {
                tick[0].Should().BeInRange(extent[2], extent[3]);
                double expected = canvas[2] + (extent[3] - tick[0]) / (extent[3] - extent[2]) * (canvas[3] - canvas[2]);
                tick[1].Should().BeApproximately(expected, 1.0, "the tick for y = {0} sits where y = {0} is drawn", tick[0]);
            }
        }
    }

    // The extent the page was given, read from its data.
    private static async Task<double[]> ExtentAsync(OpenPage page)
    {
        string html = await page.Eval<string>("document.documentElement.outerHTML");
        Match match = ExtentPattern().Match(html);
        return match.Groups[1].Value.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    private static async Task<double[][]> TicksAsync(OpenPage page, string axis) =>
        JsonSerializer.Deserialize<double[][]>(await page.Eval<string>($$"""
            JSON.stringify(Array.from(document.querySelectorAll('#boundary-axes line.tick')).filter(l => '{{axis}}' === 'x' ? l.getAttribute('x1') === l.getAttribute('x2') : l.getAttribute('y1') === l.getAttribute('y2')).map((l, i) => {
              const label = document.querySelectorAll('#boundary-axes text.tick-label.{{axis}}')[i], r = l.getBoundingClientRect();
              return [Number(label.textContent), '{{axis}}' === 'x' ? r.left + r.width / 2 : r.top + r.height / 2];
            }))
            """))!;

    [GeneratedRegex(@"""extent"":\[([^\]]+)\]")]
    private static partial Regex ExtentPattern();

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(420)]
    public async Task The_graph_page_of_a_network_draws_its_text_at_12_pixels_or_more(int width)
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        OpenPage page = await OpenMlpGraphAsync("graph-mlp-" + width + ".html", width);
        await using (page)
        {
            (await page.Eval<double>("document.getElementById('graph').viewBox.baseVal.width")).Should().BeGreaterThan(width, "the graph is wider than the window");
            double pixels = await page.Eval<double>("""
                (() => {
                  const svg = document.getElementById('graph'), text = svg.querySelector('g.value text.data');
                  return parseFloat(getComputedStyle(text).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                })()
                """);
            pixels.Should().BeGreaterThanOrEqualTo(12);
            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableFact]
    public async Task Every_box_shows_the_name_the_page_refers_to_it_by()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        OpenPage page = await OpenMlpGraphAsync("graph-mlp-names.html", 1400);
        await using (page)
        {
            string[] names = JsonSerializer.Deserialize<string[]>(await page.Eval<string>(
                "JSON.stringify(Array.from(document.querySelectorAll('#graph g.value')).map(g => g.querySelector('text.label')?.textContent ?? null))"))!;
            names.Should().NotContainNulls("every box has a name cell");
            names.Should().Contain("L0.N0.w0").And.Contain("L2.N0.b").And.Contain(n => n.StartsWith('#'));

            // Whatever the status line and a tooltip mention, a box shows.
            var mentioned = new HashSet<string>();
            for (int step = 0; step < 6; step++)
            {
                await page.Eval<bool>("(document.getElementById('step').click(), true)");
                string status = await page.Eval<string>("document.getElementById('status').textContent");
                foreach (Match name in MentionPattern().Matches(status))
                {
                    mentioned.Add(name.Value);
                }
            }

            await page.Page.HoverAsync("#graph g.op");
            string tip = await page.Eval<string>("document.getElementById('tip').textContent");
            foreach (Match name in MentionPattern().Matches(tip))
            {
                mentioned.Add(name.Value);
            }

            mentioned.Should().Contain(n => n.StartsWith('#'), "unlabelled values are referred to by number");
            names.Should().Contain(mentioned);
        }
    }

    // "#12" or a parameter's label such as "L1.N0.w3".
    [GeneratedRegex(@"#\d+|L\d+\.N\d+\.(?:w\d+|b)")]
    private static partial Regex MentionPattern();
}
