using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Micrograd.Nn;

namespace Micrograd.Samples.NetFrameworkConsumer;

/// <summary>
/// What the package promises, checked on the runtime at hand against numbers that come from outside this code:
/// micrograd's README (the Python original), micrograd's demo reaching 100% accuracy, exact arithmetic.
/// </summary>
internal static class Checks
{
    /// <summary>micrograd's README example: g = 4.6252, dg/da = 27.0601, dg/db = 117.3345 in the Python original.</summary>
    public static Check ReadmeExample()
    {
        (Value a, Value b, Value g) = ReadmeGraph(-4.0, 2.0);
        g.Backward();
        return ReadmeNumbers(a, b, g, "");
    }

    /// <summary>micrograd's demo trained for 100 steps reaches 100% accuracy on the moons, as the original does.</summary>
    public static Check MoonsTraining()
    {
        var demo = new MoonsDemo();
        double first = 0, last = 0;
        for (int step = 0; step < MoonsDemo.Steps; step++)
        {
            last = demo.Step(step);
            if (step == 0)
            {
                first = last;
            }
        }

        double accuracy = demo.Accuracy();
        return new Check(
            accuracy == 1.0 && last < first,
            F($"MLP(2, [16, 16, 1]), {MoonsDemo.Steps} steps: loss {first:F6} -> {last:F6}, accuracy {accuracy:P0}"));
    }

    /// <summary>A model saved (twice, the second time over the first file) and loaded back gives the same numbers, bit for bit.</summary>
    public static Check ModelFileRoundTrip()
    {
        var model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, new Random(7));
        string path = Path.Combine(Path.GetTempPath(), "micrograd-consumer-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            model.Save(path);
            model.Save(path); // replaces the file
            MLP loaded = MLP.Load(path);

            IReadOnlyList<Value> saved = model.Parameters(), read = loaded.Parameters();
            int different = saved.Count == read.Count ? 0 : -1;
            for (int i = 0; different >= 0 && i < saved.Count; i++)
            {
                if (BitConverter.DoubleToInt64Bits(saved[i].Data) != BitConverter.DoubleToInt64Bits(read[i].Data))
                {
                    different++;
                }
            }

            double before = model.Forward(0.5, -0.25)[0].Data, after = loaded.Forward(0.5, -0.25)[0].Data;
            bool same = different == 0 && before.Equals(after);
            return new Check(same, F($"{saved.Count} parameters saved and loaded, {(different < 0 ? "a different count" : different + " differ")}; output at (0.5, -0.25) {before:R} -> {after:R}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The Hessian of f(x, y) = x³y + xy² + ln x at (2, 3), by hand: f_xx = 6xy - 1/x² = 35.75,
    /// f_xy = 3x² + 2y = 18, f_yy = 2x = 4.
    /// </summary>
    public static Check Hessian()
    {
        double[,] hessian = Gradients.Hessian(v => v[0].Pow(3) * v[1] + v[0] * v[1].Pow(2) + v[0].Log(), [2.0, 3.0]);
        double[,] expected = { { 35.75, 18 }, { 18, 4 } };
        bool close = true;
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                close &= Math.Abs(hessian[i, j] - expected[i, j]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i, j]));
            }
        }

        return new Check(close, F($"[[{hessian[0, 0]:R}, {hessian[0, 1]:R}], [{hessian[1, 0]:R}, {hessian[1, 1]:R}]], by hand [[35.75, 18], [18, 4]]"));
    }

    /// <summary>
    /// The README example's graph, built at (a, b) = (-3, 1), compiled, and replayed at (-4, 2): micrograd's numbers
    /// again, and the same as building the graph at (-4, 2), bit for bit.
    /// </summary>
    public static Check CompiledReplay()
    {
        (Value a, Value b, Value g) = ReadmeGraph(-3.0, 1.0);
        CompiledGraph program = g.Compile();
        a.Data = -4.0;
        b.Data = 2.0;
        program.Forward();
        a.Grad = 0;
        b.Grad = 0;
        program.Backward();

        (Value rebuiltA, Value rebuiltB, Value rebuiltG) = ReadmeGraph(-4.0, 2.0);
        rebuiltG.Backward();
        bool bitForBit = g.Data.Equals(rebuiltG.Data) && a.Grad.Equals(rebuiltA.Grad) && b.Grad.Equals(rebuiltB.Grad);
        Check numbers = ReadmeNumbers(a, b, g, $"{program.Count} values replayed: ");
        return new Check(numbers.Passed && bitForBit, numbers.Detail + (bitForBit ? ", as rebuilding gives, bit for bit" : ", NOT what rebuilding gives"));
    }

    /// <summary>The README example's graph as an interactive page: one self-contained HTML document, with its script, its "Backward step" button and every labelled value.</summary>
    public static Check HtmlPage()
    {
        (_, _, Value g) = ReadmeGraph(-4.0, 2.0);
        string page = g.ToHtml();
        var missing = new List<string>();
        foreach (string part in new[] { "<!DOCTYPE html>", "<script>", "Backward step", "\"label\":\"a\"", "\"label\":\"b\"", "\"label\":\"g\"", "</html>" })
        {
            if (page.IndexOf(part, StringComparison.OrdinalIgnoreCase) < 0)
            {
                missing.Add(part);
            }
        }

        bool loadsNothing = page.IndexOf("src=\"http", StringComparison.OrdinalIgnoreCase) < 0 && page.IndexOf("href=\"http", StringComparison.OrdinalIgnoreCase) < 0;
        bool starts = page.StartsWith("<!DOCTYPE html>", StringComparison.OrdinalIgnoreCase);
        return new Check(
            missing.Count == 0 && loadsNothing && starts,
            F($"{page.Length} characters, {(starts ? "a whole document" : "NOT starting with <!DOCTYPE html>")}, {(missing.Count == 0 ? "every labelled value" : "missing " + string.Join(", ", missing))}, {(loadsNothing ? "loads nothing" : "LOADS A URL")}"));
    }

    /// <summary>micrograd's README example at (a, b), labelled a, b and g.</summary>
    private static (Value A, Value B, Value G) ReadmeGraph(double aData, double bData)
    {
        var a = new Value(aData, "a");
        var b = new Value(bData, "b");
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
        g.Label = "g";
        return (a, b, g);
    }

    private static Check ReadmeNumbers(Value a, Value b, Value g, string prefix)
    {
        string numbers = F($"g = {g.Data:F4}, dg/da = {a.Grad:F4}, dg/db = {b.Grad:F4}");
        return new Check(numbers == "g = 4.6252, dg/da = 27.0601, dg/db = 117.3345", prefix + numbers);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
