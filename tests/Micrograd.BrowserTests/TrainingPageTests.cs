using Micrograd.Datasets;
using Micrograd.Nn;

namespace Micrograd.BrowserTests;

/// <summary>TrainingRecorder's page, opened from disk in a real headless Chromium.</summary>
[Collection("browser")]
public sealed class TrainingPageTests(Browser browser)
{
    /// <summary>Trains micrograd's demo network as samples/Moons does, recording every step.</summary>
    internal static TrainingRecorder Train(int steps, int[] hidden, int points = 100, int seed = 1337)
    {
        var random = new Random(seed);
        Moons data = Moons.Generate(points, noise: 0.1, random);
        var model = new MLP(2, [.. hidden, 1], Activation.Relu, Activation.Linear, random);
        var optimizer = new Sgd(model.Parameters(), learningRate: 1.0);
        var recorder = new TrainingRecorder(model, data.Points, data.Classes);
        for (int step = 0; step < steps; step++)
        {
            var scores = data.Points.Select(point => model.Forward(point)[0]).ToList();
            Value loss = Losses.Hinge(scores, data.SignedLabels) + Losses.L2(model.Parameters(), 1e-4);
            double accuracy = scores.Zip(data.SignedLabels, (score, label) => score.Data > 0 == label > 0).Count(ok => ok) / (double)scores.Count;
            recorder.Record(step, loss.Data, accuracy);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.LearningRate = 1.0 - 0.9 * step / steps;
            optimizer.Step();
        }

        return recorder;
    }

    private async Task<OpenPage> OpenAsync(TrainingRecorder recorder, string name)
    {
        string path = Path.Combine(Browser.OutputFolder, name);
        recorder.Save(path);
        return await browser.OpenAsync(path, 1300, 900);
    }

    private static Task<string> BoundaryPixelsAsync(OpenPage page) =>
        page.Eval<string>("document.getElementById('boundary').toDataURL('image/png')");

    [SkippableFact]
    public async Task The_slider_changes_the_boundary_and_the_curves_have_one_point_per_recorded_step()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        TrainingRecorder recorder = Train(30, [8, 8], points: 60);
        recorder.Count.Should().Be(30);
        OpenPage page = await OpenAsync(recorder, "training-small.html");
        await using (page)
        {
            (await page.Eval<int>("document.getElementById('loss-line').points.numberOfItems")).Should().Be(30);
            (await page.Eval<int>("document.getElementById('accuracy-line').points.numberOfItems")).Should().Be(30);
            (await page.Eval<int>("document.querySelectorAll('#network line.weight').length")).Should().Be(2 * 8 + 8 * 8 + 8 * 1);
            (await page.Eval<int>("document.querySelectorAll('#network circle.neuron').length")).Should().Be(2 + 8 + 8 + 1);

            await page.Page.FocusAsync("#step-slider");
            await page.Page.Keyboard.PressAsync("Home");
            (await page.Eval<string>("document.body.dataset.index")).Should().Be("0");
            string first = await BoundaryPixelsAsync(page);
            double firstMarker = await page.Eval<double>("+document.querySelector('#loss-curve .marker').getAttribute('x1')");

            await page.Page.Keyboard.PressAsync("End");
            (await page.Eval<string>("document.body.dataset.index")).Should().Be("29");
            string last = await BoundaryPixelsAsync(page);
            double lastMarker = await page.Eval<double>("+document.querySelector('#loss-curve .marker').getAttribute('x1')");

            last.Should().NotBe(first, "the boundary drawn at the last step differs from the first");
            lastMarker.Should().BeGreaterThan(firstMarker, "the curves mark the selected step");
            (await page.Eval<string>("document.getElementById('readout').textContent")).Should().Contain("step 29");

            await page.Page.Keyboard.PressAsync("Home");
            (await BoundaryPixelsAsync(page)).Should().Be(first, "going back redraws the same boundary");

            await page.Page.ClickAsync("#play");
            await page.Page.WaitForFunctionAsync("() => +document.body.dataset.index >= 3");
            await page.Page.ClickAsync("#play");
            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableFact]
    public async Task A_network_of_three_inputs_recorded_without_accuracy_shows_its_loss_and_weights_only()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        var random = new Random(5);
        var model = new MLP(3, [4, 1], Activation.Tanh, Activation.Linear, random);
        var optimizer = new Sgd(model.Parameters(), learningRate: 0.1);
        var recorder = new TrainingRecorder(model);
        for (int step = 0; step < 8; step++)
        {
            Value loss = Losses.MeanSquaredError([model.Forward(1.0, -2.0, 0.5)[0]], [0.25]);
            recorder.Record(step * 10, loss.Data);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        OpenPage page = await OpenAsync(recorder, "training-three-inputs.html");
        await using (page)
        {
            (await page.Eval<string>("getComputedStyle(document.getElementById('boundary-card')).display")).Should().Be("none");
            (await page.Eval<string>("getComputedStyle(document.getElementById('accuracy-curve')).display")).Should().Be("none");
            (await page.Eval<int>("document.getElementById('loss-line').points.numberOfItems")).Should().Be(8);
            (await page.Eval<int>("document.querySelectorAll('#network line.weight').length")).Should().Be(3 * 4 + 4 * 1);
            (await page.Eval<string>("document.getElementById('readout').textContent")).Should().Contain("step 70");
            page.ShouldBeCleanAndSelfContained();
        }
    }

    [SkippableFact]
    public async Task The_default_Moons_run_makes_a_page_under_2_MB_that_shows_the_trained_boundary()
    {
        Skip.If(browser.MissingReason is not null, browser.MissingReason);
        TrainingRecorder recorder = Train(100, [16, 16]); // samples/Moons's defaults: 100 steps, MLP(2, [16, 16, 1]), seed 1337
        OpenPage page = await OpenAsync(recorder, "training.html");
        await using (page)
        {
            new FileInfo(Path.Combine(Browser.OutputFolder, "training.html")).Length.Should().BeLessThan(2_000_000);
            (await page.Eval<int>("document.getElementById('loss-line').points.numberOfItems")).Should().Be(100);
            (await page.Eval<string>("document.body.dataset.index")).Should().Be("99", "the page opens at the last step");
            await page.ScreenshotAsync("training-html.png");
            page.ShouldBeCleanAndSelfContained();
        }
    }
}
