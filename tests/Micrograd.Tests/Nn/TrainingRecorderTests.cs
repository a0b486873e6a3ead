using System.Text;
using System.Text.Json;
using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>
/// What TrainingRecorder records, read back from the data its page embeds (the browser tests check how the page
/// draws it): the architecture, the extent and points, every step's loss, accuracy and weights, and the decision
/// grid, tanh(score) in a byte per cell from 0 (−1) to 255 (+1), row 0 at the top.
/// </summary>
public sealed class TrainingRecorderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-recorder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_page_describes_the_architecture()
    {
        var model = new MLP(2, [3, 1], Activation.Relu, Activation.Linear, new Random(1));
        var recorder = new TrainingRecorder(model);
        recorder.Record(0, 1.0);

        using JsonDocument data = Data(recorder.ToHtml());
        Ints(data.RootElement.GetProperty("sizes")).Should().Equal(2, 3, 1);
        data.RootElement.GetProperty("activations").EnumerateArray().Select(a => a.GetString()).Should().Equal("Relu", "Linear");
    }

    [Fact]
    public void Without_points_the_boundary_covers_minus_two_to_two()
    {
        var recorder = new TrainingRecorder(new MLP(2, [1], random: new Random(1)));
        recorder.Record(0, 1.0);
        using JsonDocument data = Data(recorder.ToHtml());
        Doubles(data.RootElement.GetProperty("extent")).Should().Equal(-2.0, 2.0, -2.0, 2.0);
        data.RootElement.GetProperty("points").GetArrayLength().Should().Be(0);

        var empty = new TrainingRecorder(new MLP(2, [1], random: new Random(1)), points: [], classes: []);
        empty.Record(0, 1.0);
        using JsonDocument emptyData = Data(empty.ToHtml());
        Doubles(emptyData.RootElement.GetProperty("extent")).Should().Equal(-2.0, 2.0, -2.0, 2.0);
    }

    [Fact]
    public void The_points_set_the_extent_with_half_a_unit_of_margin_and_carry_their_classes()
    {
        double[][] points = [[0.25, -1.0], [1.5, 3.0], [-0.75, 0.5]];
        var recorder = new TrainingRecorder(new MLP(2, [1], random: new Random(1)), points, [1, 0, 2]);
        recorder.Record(0, 1.0);

        using JsonDocument data = Data(recorder.ToHtml());
        Doubles(data.RootElement.GetProperty("extent")).Should().Equal(-1.25, 2.0, -1.5, 3.5);
        data.RootElement.GetProperty("points").EnumerateArray().Select(Doubles)
            .Should().BeEquivalentTo(new[] { new[] { 0.25, -1.0, 1.0 }, new[] { 1.5, 3.0, 0.0 }, new[] { -0.75, 0.5, 2.0 } },
                o => o.WithStrictOrdering());
    }

    [Fact]
    public void Points_are_copied_rounded_to_four_decimals_and_drawn_alike_without_classes()
    {
        double[] point = [0.123456, -9.87654];
        var recorder = new TrainingRecorder(new MLP(2, [1], random: new Random(1)), [point]);
        point[0] = 100.0;
        recorder.Record(0, 1.0);

        using JsonDocument data = Data(recorder.ToHtml());
        Doubles(data.RootElement.GetProperty("points")[0]).Should().Equal(0.1235, -9.8765, 0.0);
        Doubles(data.RootElement.GetProperty("extent")).Should().Equal(0.123456 - 0.5, 0.123456 + 0.5, -9.87654 - 0.5, -9.87654 + 0.5);
    }

    [Fact]
    public void Points_are_ignored_unless_the_network_has_two_inputs()
    {
        var recorder = new TrainingRecorder(new MLP(3, [1], random: new Random(1)), [[1.0], null!], [5]);
        recorder.Record(0, 1.0);

        using JsonDocument data = Data(recorder.ToHtml());
        data.RootElement.GetProperty("points").GetArrayLength().Should().Be(0);
        data.RootElement.GetProperty("resolution").GetInt32().Should().Be(0, "there is no boundary to draw");
        data.RootElement.GetProperty("steps")[0].GetProperty("grid").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Each_step_keeps_its_loss_accuracy_and_a_copy_of_every_weight_in_parameter_order()
    {
        var model = new MLP(1, [2, 1], Activation.Tanh, Activation.Linear, new Random(1));
        double[] first = [0.5, -0.25, 1.0, 0.0, 0.123456789, 2.0, -3.0];
        SetParameters(model, first);
        var recorder = new TrainingRecorder(model);
        recorder.Record(3, 0.1234567891, 0.75);
        SetParameters(model, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]);
        recorder.Record(10, 2.0);
        recorder.Count.Should().Be(2);

        using JsonDocument data = Data(recorder.ToHtml());
        JsonElement[] steps = data.RootElement.GetProperty("steps").EnumerateArray().ToArray();
        steps.Select(s => s.GetProperty("step").GetInt32()).Should().Equal(3, 10);
        steps[0].GetProperty("loss").GetDouble().Should().Be(0.123457, "the loss is rounded to six decimals");
        steps[0].GetProperty("accuracy").GetDouble().Should().Be(0.75);
        steps[1].GetProperty("accuracy").ValueKind.Should().Be(JsonValueKind.Null, "no accuracy was given");
        Doubles(steps[0].GetProperty("weights")).Should().Equal(0.5, -0.25, 1.0, 0.0, 0.1235, 2.0, -3.0);
        Doubles(steps[1].GetProperty("weights")).Should().Equal(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    }

    [Fact]
    public void The_grid_holds_tanh_of_the_score_at_each_cell_centre_row_zero_at_the_top()
    {
        // score = 0.5x − 0.25y + 0.1 over [−2, 2]², 8 cells across: centres at −1.75, −1.25, …, 1.75.
        var model = new MLP(2, [1], Activation.Linear, Activation.Linear, new Random(1));
        SetParameters(model, [0.5, -0.25, 0.1]);
        var recorder = new TrainingRecorder(model, resolution: 8);
        recorder.Record(0, 1.0);

        using JsonDocument data = Data(recorder.ToHtml());
        data.RootElement.GetProperty("resolution").GetInt32().Should().Be(8);
        byte[] grid = Convert.FromBase64String(data.RootElement.GetProperty("steps")[0].GetProperty("grid").GetString()!);
        grid.Should().HaveCount(64);
        for (int row = 0; row < 8; row++)
        {
            double y = 1.75 - 0.5 * row;
            for (int column = 0; column < 8; column++)
            {
                double x = -1.75 + 0.5 * column;
                double expected = (Math.Tanh(0.1 + 0.5 * x - 0.25 * y) + 1) * 127.5;
                grid[row * 8 + column].Should().Be((byte)Math.Round(expected), $"cell ({row}, {column})");
            }
        }

        grid[0].Should().BeLessThan(grid[7], "the score grows to the right");
        grid[56].Should().BeGreaterThan(grid[0], "and towards the bottom, where y is smallest");
    }

    [Fact]
    public void A_score_of_NaN_is_drawn_as_the_middle_value()
    {
        var model = new MLP(2, [1], Activation.Linear, Activation.Linear, new Random(1));
        SetParameters(model, [double.NaN, 0.0, 0.0]);
        var recorder = new TrainingRecorder(model, resolution: 8);
        recorder.Record(0, double.NaN);

        string html = recorder.ToHtml();
        html.Should().Contain("\"loss\":NaN");
        using JsonDocument data = Data(html.Replace("NaN", "null", StringComparison.Ordinal));
        byte[] grid = Convert.FromBase64String(data.RootElement.GetProperty("steps")[0].GetProperty("grid").GetString()!);
        grid.Should().OnlyContain(b => b == 128, "tanh(NaN) is drawn as 0, byte round(127.5) = 128");
    }

    [Fact]
    public void A_step_must_come_after_the_last_one()
    {
        var recorder = new TrainingRecorder(new MLP(3, [1], random: new Random(1)));
        recorder.Record(-5, 1.0);
        recorder.Record(-4, 1.0);
        Action same = () => recorder.Record(-4, 1.0);
        same.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step")
            .WithMessage("Each recorded step must be greater than the one before.*").Which.ActualValue.Should().Be(-4);
        Action earlier = () => recorder.Record(-10, 1.0);
        earlier.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        recorder.Count.Should().Be(2, "a refused step is not recorded");
    }

    [Fact]
    public void A_page_needs_at_least_one_step()
    {
        var recorder = new TrainingRecorder(new MLP(2, [1], random: new Random(1)));
        recorder.Count.Should().Be(0);
        Action act = () => recorder.ToHtml();
        act.Should().Throw<InvalidOperationException>().WithMessage("Record at least one step before writing the page.");
    }

    [Fact]
    public void The_title_names_the_network_unless_one_is_given_and_is_escaped()
    {
        var recorder = new TrainingRecorder(new MLP(2, [16, 16, 1], random: new Random(1)));
        recorder.Record(0, 1.0);
        recorder.ToHtml().Should().Contain("<title>Training MLP(2, [16, 16, 1])</title>");
        recorder.ToHtml("Moons <fast> & \"small\"").Should().Contain("<title>Moons &lt;fast&gt; &amp; &quot;small&quot;</title>");
    }

    [Fact]
    public void Save_writes_the_page_in_UTF8_without_a_byte_order_mark()
    {
        var recorder = new TrainingRecorder(new MLP(2, [1], random: new Random(1)));
        recorder.Record(0, 1.0);
        string path = Path.Combine(_folder, "training.html");
        recorder.Save(path, "Über");

        byte[] bytes = File.ReadAllBytes(path);
        bytes[..3].Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes).Should().Be(recorder.ToHtml("Über"));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(257)]
    public void A_resolution_outside_8_to_256_is_refused(int resolution)
    {
        Action act = () => _ = new TrainingRecorder(new MLP(2, [1]), resolution: resolution);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("resolution")
            .WithMessage("The resolution must be from 8 to 256.*").Which.ActualValue.Should().Be(resolution);
    }

    [Fact]
    public void Resolutions_of_8_and_256_are_allowed()
    {
        var model = new MLP(2, [1], random: new Random(1));
        var coarse = new TrainingRecorder(model, resolution: 8);
        var fine = new TrainingRecorder(model, resolution: 256);
        coarse.Record(0, 1.0);
        fine.Record(0, 1.0);
        using JsonDocument data = Data(fine.ToHtml());
        Convert.FromBase64String(data.RootElement.GetProperty("steps")[0].GetProperty("grid").GetString()!).Should().HaveCount(256 * 256);
    }

    [Fact]
    public void Bad_arguments_are_refused_naming_them()
    {
        var model = new MLP(2, [1]);
        Action noModel = () => _ = new TrainingRecorder(null!);
        noModel.Should().Throw<ArgumentNullException>().WithParameterName("model");
        Action nullPoint = () => _ = new TrainingRecorder(model, [[1.0, 2.0], null!]);
        nullPoint.Should().Throw<ArgumentException>().WithParameterName("points").WithMessage("A point is null.*");
        Action threeCoordinates = () => _ = new TrainingRecorder(model, [[1.0, 2.0, 3.0]]);
        threeCoordinates.Should().Throw<ArgumentException>().WithParameterName("points")
            .WithMessage("Each point must have two coordinates, as the network has two inputs.*");
        Action oneCoordinate = () => _ = new TrainingRecorder(model, [[1.0]]);
        oneCoordinate.Should().Throw<ArgumentException>().WithParameterName("points");
        Action classes = () => _ = new TrainingRecorder(model, [[1.0, 2.0]], [0, 1]);
        classes.Should().Throw<ArgumentException>().WithParameterName("classes").WithMessage("There must be one class per point.*");
    }

    private static void SetParameters(MLP model, double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            model.Parameters()[i].Data = values[i];
        }
    }

    [Fact]
    public void Recording_many_steps_keeps_at_most_MaxSteps_evenly_spread_and_the_last()
    {
        var model = new MLP(2, [3, 1], Activation.Relu, Activation.Linear, new Random(1));
        var recorder = new TrainingRecorder(model) { MaxSteps = 10 };
        for (int step = 0; step < 1000; step++)
        {
            model.Parameters()[0].Data = step; // the page shows each kept step's own weights
            recorder.Record(step, loss: step);
        }

        recorder.Count.Should().BeLessThanOrEqualTo(11);
        using JsonDocument data = Data(recorder.ToHtml());
        JsonElement[] steps = data.RootElement.GetProperty("steps").EnumerateArray().ToArray();
        steps.Should().HaveCount(recorder.Count);
        int[] kept = steps.Select(s => s.GetProperty("step").GetInt32()).ToArray();
        kept[0].Should().Be(0);
        kept[^1].Should().Be(999, "the last recorded step is always on the page");
        int[] gaps = kept.Zip(kept.Skip(1), (a, b) => b - a).SkipLast(1).ToArray();
        gaps.Should().OnlyContain(gap => gap == gaps[0], "the kept steps are evenly spread: {0}", string.Join(", ", kept));
        steps.Select(s => Doubles(s.GetProperty("weights"))[0]).Should().Equal(kept.Select(k => (double)k));
    }

    [Fact]
    public void The_page_stays_the_same_size_however_many_steps_are_recorded()
    {
        static int PageLength(int records)
        {
            var model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, new Random(1));
            var recorder = new TrainingRecorder(model);
            for (int step = 0; step < records; step++)
            {
                recorder.Record(step, 1.0 / (step + 1));
            }

            return recorder.ToHtml().Length;
        }

        // 200 steps kept by default, and the last: twenty times more records make a page no larger than 200 do.
        int few = PageLength(200), many = PageLength(4_000);
        many.Should().BeLessThanOrEqualTo(few + few / 100);
    }

    [Fact]
    public void MaxSteps_below_2_is_refused_and_lowering_it_thins_what_is_kept()
    {
        var recorder = new TrainingRecorder(new MLP(1, [1], random: new Random(1)));
        Action act = () => recorder.MaxSteps = 1;
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
        for (int step = 0; step < 9; step++)
        {
            recorder.Record(step, 0);
        }

        recorder.Count.Should().Be(9);
        recorder.MaxSteps = 4; // keeps steps 0, 4 and 8 (every fourth), which include the last
        using JsonDocument data = Data(recorder.ToHtml());
        data.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetInt32()).Should().Equal(0, 4, 8);
    }

    /// <summary>The data object the page's script starts from: <c>var T = {…};</c>.</summary>
    private static JsonDocument Data(string html)
    {
        const string Start = "var T = ";
        int start = html.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        int end = html.IndexOf("]};", start, StringComparison.Ordinal) + 2;
        return JsonDocument.Parse(html[start..end]);
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
