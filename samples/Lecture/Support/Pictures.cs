using System.Diagnostics;
using ScottPlot;

namespace Micrograd.Samples.Lecture;

/// <summary>
/// The lecture's pictures, written to the <c>lecture-pictures</c> folder of the current directory: its graphs
/// (<c>draw_dot</c>) as this library's interactive page and, when Graphviz's <c>dot</c> is installed, as SVG;
/// its matplotlib plots as PNG.
/// </summary>
public static class Pictures
{
    /// <summary>The folder the pictures go to: <c>lecture-pictures</c> in the current directory.</summary>
    public static string Folder => Path.Combine(Directory.GetCurrentDirectory(), "lecture-pictures");

    /// <summary>
    /// Draws the learner's graph as the lecture's <c>draw_dot</c> does. Prints its boxes, one line per value as
    /// the picture shows them (<c>label | data %.4f | grad %.4f</c>), inputs first; then hands the same expression to this
    /// library (node by node, with the learner's data, grads and labels) and writes its <c>ToHtml()</c> page
    /// to <c>name.html</c> and, through <c>dot -Tsvg</c>, its <c>ToDot()</c> picture to <c>name.svg</c>.
    /// The learner's engine is not changed; the library computes nothing that is shown.
    /// </summary>
    /// <typeparam name="TNode">The learner's value type.</typeparam>
    /// <param name="root">The value whose graph to draw.</param>
    /// <param name="describe">A value's operation (<c>""</c> for a leaf; <c>+ * tanh exp</c> or <c>**k</c>), data, grad, label and inputs.</param>
    /// <param name="name">The file name without extension, such as <c>02-L</c>.</param>
    public static void Graph<TNode>(TNode root, Func<TNode, (string Operation, double Data, double Grad, string Label, IReadOnlyList<TNode> Inputs)> describe, string name)
        where TNode : class
    {
        ArgumentNullException.ThrowIfNull(describe);
        var drawn = new Dictionary<TNode, Value>(ReferenceEqualityComparer.Instance);
        var order = new List<TNode>();
        Value picture = ToLibrary(root, describe, drawn, order);
        foreach (TNode node in order) // inputs before the values made from them
        {
            var (_, data, grad, label, _) = describe(node);
            Console.WriteLine($"{label} | data {Python.Fixed4(data)} | grad {Python.Fixed4(grad)}");
        }

        Draw(picture, name);
    }

    /// <summary>
    /// Writes a graph of this library as its interactive page (<c>name.html</c>, from <c>ToHtml()</c>) and, when
    /// Graphviz's <c>dot</c> is installed, as a picture (<c>name.svg</c>, from <c>ToDot()</c>).
    /// </summary>
    /// <param name="picture">The value whose graph to draw.</param>
    /// <param name="name">The file name without extension.</param>
    public static void Draw(Value picture, string name)
    {
        ArgumentNullException.ThrowIfNull(picture);
        Directory.CreateDirectory(Folder);
        string page = Path.Combine(Folder, name + ".html");
        File.WriteAllText(page, picture.ToHtml());
        Console.WriteLine($"[graph: {Relative(page)}]");
        string svg = Path.Combine(Folder, name + ".svg");
        if (RunDot(picture.ToDot(), svg))
        {
            Console.WriteLine($"[graph: {Relative(svg)}]");
        }
        else
        {
            Console.WriteLine("[no SVG: Graphviz's dot is not installed (apt-get install graphviz)]");
        }
    }

    /// <summary>Plots ys against xs as a line, as the lecture's <c>plt.plot(xs, ys)</c> does, and writes <c>name.png</c>.</summary>
    /// <param name="xs">The x coordinates.</param>
    /// <param name="ys">The y coordinates.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="name">The file name without extension, such as <c>01-parabola</c>.</param>
    public static void Plot(double[] xs, double[] ys, string title, string name)
    {
        var plot = new Plot();
        var line = plot.Add.Scatter(xs, ys);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        plot.Title(title);
        plot.XLabel("x");
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name + ".png");
        plot.SavePng(path, 640, 480);
        Console.WriteLine($"[plot: {Relative(path)}]");
    }

    private static Value ToLibrary<TNode>(TNode node, Func<TNode, (string Operation, double Data, double Grad, string Label, IReadOnlyList<TNode> Inputs)> describe, Dictionary<TNode, Value> drawn, List<TNode> order)
        where TNode : class
    {
        if (drawn.TryGetValue(node, out Value? done))
        {
            return done;
        }

        var (operation, data, grad, label, inputs) = describe(node);
        Value[] parts = inputs.Select(input => ToLibrary(input, describe, drawn, order)).ToArray();
        Value value = operation switch
        {
            "" => new Value(data),
            "+" => parts[0] + parts[1],
            "*" => parts[0] * parts[1],
            "tanh" => parts[0].Tanh(),
            "exp" => parts[0].Exp(),
            _ when operation.StartsWith("**", StringComparison.Ordinal) => parts[0].Pow(double.Parse(operation[2..], System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"No picture for the operation '{operation}'.", nameof(describe)),
        };
        value.Data = data; // the learner's numbers, not the library's recomputation, are what the picture shows
        value.Grad = grad;
        value.Label = label.Length == 0 ? null : label;
        drawn[node] = value;
        order.Add(node);
        return value;
    }

    private static bool RunDot(string dot, string svgPath)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dot", ["-Tsvg", "-o", svgPath])
            {
                RedirectStandardInput = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // dot is not on the PATH
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
