using System.Text.Json;

namespace Micrograd.BrowserTests;

/// <summary>Value.ToHtml's page, opened from disk in a real headless Chromium.</summary>
[Collection("browser")]
public sealed class GraphPageTests(Browser browser)
{
    public static TheoryData<string> GraphNames => new(Graphs.Names);

    // 1,820 px shows the whole neuron (1,902 units wide) at the page's smallest zoom, 0.925: text of 12 px.
    private async Task<(OpenPage Page, Value Root)> OpenGraphAsync(string name, int width = 1400)
    {
        Value root = Graphs.Build(name);
        Graphs.LabelAll(root);
        string path = Path.Combine(Browser.OutputFolder, "graph-" + name.Replace(' ', '-') + ".html");
        await File.WriteAllTextAsync(path, root.ToHtml());
        return (await browser.OpenAsync(path, width), root);
    }

    // label -> the grad text of its box ("grad 1.0000")
    private static async Task<Dictionary<string, string>> ShownGradsAsync(OpenPage page)
    {
        string json = await page.Eval<string>(
            "JSON.stringify(Array.from(document.querySelectorAll('#graph g.value')).map(g => [g.dataset.label, g.querySelector('text.grad').textContent]))");
        return JsonSerializer.Deserialize<string[][]>(json)!.ToDictionary(pair => pair[0], pair => pair[1]);
    }

    [SkippableTheory]
    [MemberData(nameof(GraphNames))]
    public async Task The_page_draws_one_box_per_value_and_one_node_per_operation_without_errors(string name)
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        (OpenPage page, Value root) = await OpenGraphAsync(name);
        await using (page)
        {
            List<Value> all = Graphs.All(root);
            (await page.Eval<int>("document.querySelectorAll('#graph g.value').length")).Should().Be(all.Count);
            (await page.Eval<int>("document.querySelectorAll('#graph g.op').length")).Should().Be(all.Count(v => !v.IsLeaf));
            (await page.Eval<string>("document.getElementById('progress').textContent"))
                .Should().Be($"step 0 of {all.Count(v => !v.IsLeaf) + 1}");

            // Laid out left to right: no two nodes overlap, and every operation sits between its inputs and its result.
            (await page.Eval<int>("""
                (() => {
                  const boxes = Array.from(document.querySelectorAll('#graph g.value, #graph g.op')).map(g => g.getBBox());
                  let overlaps = 0;
                  for (let i = 0; i < boxes.length; i++)
                    for (let j = i + 1; j < boxes.length; j++) {
                      const a = boxes[i], b = boxes[j];
                      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
                    }
                  return overlaps;
                })()
                """)).Should().Be(0);
            (await page.Eval<int>("""
                Array.from(document.querySelectorAll('#graph g.op')).filter(op => {
                  const o = op.getBBox(), result = document.querySelector('#graph g.value[data-id="' + op.dataset.id + '"]').getBBox();
                  return !(o.x + o.width < result.x);
                }).length
                """)).Should().Be(0);
            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableTheory]
    [MemberData(nameof(GraphNames))]
    public async Task Stepping_backward_to_the_end_shows_exactly_the_gradients_Backward_computes(string name)
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        (OpenPage page, Value root) = await OpenGraphAsync(name);
        await using (page)
        {
            List<Value> all = Graphs.All(root);
            int steps = all.Count(v => !v.IsLeaf) + 1;
            root.Backward();

            (await ShownGradsAsync(page)).Values.Should().AllBe("grad 0.0000", "gradients start at zero");
            for (int step = 1; step <= steps; step++)
            {
                (await page.Eval<bool>("document.getElementById('step').disabled")).Should().BeFalse($"step {step} of {steps} is still to do");
                await page.Page.ClickAsync("#step");
            }

            (await page.Eval<bool>("document.getElementById('step').disabled")).Should().BeTrue("every step is done");
            (await page.Eval<string>("document.body.dataset.state")).Should().Be("done");
            Dictionary<string, string> shown = await ShownGradsAsync(page);
            shown.Should().HaveCount(all.Count);
            foreach (Value value in all)
            {
                shown[value.Label!].Should().Be("grad " + Graphs.F4(value.Grad), $"the page's gradient of {value.Label} is the one Backward() computed");
            }

            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableFact]
    public async Task Run_backward_plays_every_step_and_Reset_starts_again()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        (OpenPage page, Value root) = await OpenGraphAsync("readme");
        await using (page)
        {
            root.Backward();
            await page.Page.ClickAsync("#run");
            await page.Page.WaitForFunctionAsync("() => document.body.dataset.state === 'done'");
            Dictionary<string, string> shown = await ShownGradsAsync(page);
            foreach (Value value in Graphs.All(root))
            {
                shown[value.Label!].Should().Be("grad " + Graphs.F4(value.Grad));
            }

            await page.Page.ClickAsync("#reset");
            (await ShownGradsAsync(page)).Values.Should().AllBe("grad 0.0000");
            (await page.Eval<string>("document.body.dataset.step")).Should().Be("0");
            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableFact]
    public async Task A_step_highlights_the_node_passing_its_gradient_and_the_inputs_receiving_it()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        (OpenPage page, Value o) = await OpenGraphAsync("neuron", width: 1820);
        await using (page)
        {
            await page.Page.ClickAsync("#step"); // o.grad = 1
            (await ShownGradsAsync(page))["o"].Should().Be("grad 1.0000");
            (await ShownGradsAsync(page)).Where(pair => pair.Key != "o").Select(pair => pair.Value).Should().AllBe("grad 0.0000");

            await page.Page.ClickAsync("#step"); // tanh passes o's gradient to n
            (await page.Eval<string>("Array.from(document.querySelectorAll('g.value.now')).map(g => g.dataset.label).join()")).Should().Be("o");
            (await page.Eval<int>("document.querySelectorAll('g.op.now').length")).Should().Be(1);
            (await page.Eval<string>("Array.from(document.querySelectorAll('g.value.gets')).map(g => g.dataset.label).join()")).Should().Be("n");
            (await ShownGradsAsync(page))["n"].Should().Be("grad 0.5000");

            await page.Page.ClickAsync("#step"); // + passes n's gradient to both its inputs
            (await page.Eval<string>("Array.from(document.querySelectorAll('g.value.gets')).map(g => g.dataset.label).sort().join()"))
                .Should().Be("b,x1*w1 + x2*w2");
            (await page.Eval<int>("document.querySelectorAll('path.edge.active').length")).Should().Be(2);

            await page.Page.ClickAsync("#step");
            await page.ScreenshotAsync("neuron-html.png");
            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableFact]
    public async Task Hovering_over_an_operation_shows_its_local_derivative_with_the_numbers()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        (OpenPage page, Value o) = await OpenGraphAsync("neuron", width: 1820);
        await using (page)
        {
            int id = await page.Eval<int>("+document.querySelector('g.value[data-label=\"o\"]').dataset.id");
            await page.Page.HoverAsync($"g.op[data-id=\"{id}\"]");
            (await page.Eval<string>("getComputedStyle(document.getElementById('tip')).display")).Should().Be("block");
            string tip = await page.Eval<string>("document.getElementById('tip').textContent");
            tip.Should().Contain("tanh").And.Contain("1 − out²").And.Contain("0.7071").And.Contain("∂o/∂n").And.Contain("0.5000");

            int times = await page.Eval<int>("+document.querySelector('g.value[data-label=\"x1*w1\"]').dataset.id");
            await page.Page.HoverAsync($"g.op[data-id=\"{times}\"]");
            tip = await page.Eval<string>("document.getElementById('tip').textContent");
            tip.Should().Contain("∂x1*w1/∂x1").And.Contain("= -3.0000").And.Contain("∂x1*w1/∂w1").And.Contain("= 2.0000");
            await page.ScreenshotAsync("neuron-html-hover.png");
            page.ShouldBeCleanAndSelfContained();
        }
    }
}
