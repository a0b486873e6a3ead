// The two examples micrograd teaches with, in C#: its README expression, and the lecture's neuron drawn as a
// graph, as text (neuron.dot, and Mermaid) and as an interactive page (neuron.html). Python's b**3 is b.Pow(3).
using System;
using System.IO;
using Micrograd;
using Micrograd.Samples;

string folder = ".";
int? exitCode = new CommandLine("""
    micrograd's README expression and the lecture's neuron, with the neuron's graph drawn as neuron.dot and neuron.html.

    Usage: dotnet run --project samples/QuickStart [-- options]

    Options:
      --output FOLDER  where to write neuron.dot and neuron.html, an existing folder (default: the current folder)
      --help           show this text
    """)
    .Value("--output", "the path of an existing folder", text =>
    {
        folder = text;
        return Directory.Exists(text);
    })
    .Parse(args);
if (exitCode is int exit)
{
    return exit;
}

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
Console.WriteLine($"{g.Data:F4}"); // the outcome of this forward pass: 4.6252
g.Backward();
Console.WriteLine($"{a.Grad:F4}"); // dg/da: 27.0601
Console.WriteLine($"{b.Grad:F4}"); // dg/db: 117.3345

// The lecture's neuron: o = tanh(x1*w1 + x2*w2 + b), built node by node so that every step shows.
var x1 = new Value(2.0, "x1");
var x2 = new Value(0.0, "x2");
var w1 = new Value(-3.0, "w1");
var w2 = new Value(1.0, "w2");
var bias = new Value(6.8813735870195432, "b");
var x1w1 = x1 * w1; x1w1.Label = "x1*w1";
var x2w2 = x2 * w2; x2w2.Label = "x2*w2";
var x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.Label = "x1*w1 + x2*w2";
var n = x1w1x2w2 + bias; n.Label = "n";
var o = n.Tanh(); o.Label = "o";
o.Backward();

Console.WriteLine();
Console.WriteLine($"neuron: o = {o.Data:F4}, do/dw1 = {w1.Grad:F4}, do/dx1 = {x1.Grad:F4}");
// The same graph as Graphviz text, written to neuron.dot and printed.
string dot = Path.GetFullPath(Path.Combine(folder, "neuron.dot"));
File.WriteAllText(dot, o.ToDot());
Console.WriteLine();
Console.WriteLine($"Graphviz, written to {dot} (draw it with: dot -Tsvg neuron.dot -o neuron.svg):");
Console.WriteLine(o.ToDot());
Console.WriteLine("Mermaid (GitHub renders it inside a ```mermaid block):");
Console.WriteLine(o.ToMermaid());

// The same graph as a page: open it in a browser and press "Backward step" to watch the gradients flow.
string page = Path.GetFullPath(Path.Combine(folder, "neuron.html"));
File.WriteAllText(page, o.ToHtml());
Console.WriteLine($"Wrote the interactive graph to {page}");
return 0;
