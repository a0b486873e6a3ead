using System.Globalization;
using System.Text;

namespace Micrograd;

// Pictures of the graph behind a value, as micrograd's draw_dot draws it: one box per value (label, data,
// grad), one node per operation, edges from inputs to results.
public partial class Value
{
    /// <summary>The most values <see cref="ToDot"/> and <see cref="ToMermaid"/> will draw: beyond that a picture is unreadable.</summary>
    public const int MaxGraphValues = 2000;

    /// <summary>
    /// Returns a Graphviz DOT picture of the graph behind this value: a box per value showing its label, data and
    /// gradient (4 decimals), an ellipse per operation, and edges from inputs to results. Render it with
    /// <c>dot -Tsvg graph.dot -o graph.svg</c>, or paste it into any Graphviz viewer.
    /// </summary>
    /// <param name="direction">Which way the picture flows; left to right by default, as in micrograd.</param>
    /// <returns>The DOT text; the same graph always gives the same text.</returns>
    /// <exception cref="System.InvalidOperationException">The graph has more than <see cref="MaxGraphValues"/> values.</exception>
    /// <example>
    /// <code>
    /// var x = new Value(2.0, "x");
    /// var y = (x * x).Tanh();
    /// y.Label = "y";
    /// y.Backward();
    /// File.WriteAllText("y.dot", y.ToDot());
    /// </code>
    /// </example>
    public string ToDot(GraphDirection direction = GraphDirection.LeftToRight)
    {
        GraphWalk walk = GraphWalk.From(this, MaxGraphValues);
        var text = new StringBuilder();
        text.Append("digraph {\n");
        text.Append("  rankdir=").Append(direction == GraphDirection.LeftToRight ? "LR" : "TB").Append(";\n");
        text.Append("  node [shape=record];\n");
        foreach (Value value in walk.Values)
        {
            int id = walk.Ids[value];
            text.Append("  v").Append(id).Append(" [label=\"{ ");
            if (value.Label is not null)
            {
                text.Append(EscapeDot(value.Label)).Append(" | ");
            }

            text.Append("data ").Append(Format(value._data)).Append(" | grad ").Append(Format(value._grad)).Append(" }\"];\n");
            if (!value.IsLeaf)
            {
                text.Append("  v").Append(id).Append("_op [label=\"").Append(EscapeDot(value.Operator)).Append("\", shape=ellipse];\n");
                text.Append("  v").Append(id).Append("_op -> v").Append(id).Append(";\n");
                foreach (Value input in walk.DistinctInputs(value))
                {
                    text.Append("  v").Append(walk.Ids[input]).Append(" -> v").Append(id).Append("_op;\n");
                }
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// Returns a Mermaid flowchart of the graph behind this value, with the same boxes and edges as
    /// <see cref="ToDot"/>. GitHub renders it inside a Markdown <c>```mermaid</c> block with no tool at all.
    /// </summary>
    /// <param name="direction">Which way the picture flows; left to right by default.</param>
    /// <returns>The Mermaid text; the same graph always gives the same text.</returns>
    /// <exception cref="System.InvalidOperationException">The graph has more than <see cref="MaxGraphValues"/> values.</exception>
    public string ToMermaid(GraphDirection direction = GraphDirection.LeftToRight)
    {
        GraphWalk walk = GraphWalk.From(this, MaxGraphValues);
        var text = new StringBuilder();
        text.Append("flowchart ").Append(direction == GraphDirection.LeftToRight ? "LR" : "TB").Append('\n');
        foreach (Value value in walk.Values)
        {
            int id = walk.Ids[value];
            text.Append("  v").Append(id).Append("[\"");
            if (value.Label is not null)
            {
                text.Append(EscapeMermaid(value.Label)).Append(" | ");
            }

            text.Append("data ").Append(Format(value._data)).Append(" | grad ").Append(Format(value._grad)).Append("\"]\n");
            if (!value.IsLeaf)
            {
                text.Append("  v").Append(id).Append("_op((\"").Append(EscapeMermaid(value.Operator)).Append("\"))\n");
                foreach (Value input in walk.DistinctInputs(value))
                {
                    text.Append("  v").Append(walk.Ids[input]).Append(" --> v").Append(id).Append("_op\n");
                }

                text.Append("  v").Append(id).Append("_op --> v").Append(id).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Format(double number) => number.ToString("F4", CultureInfo.InvariantCulture);

    // Inside a quoted DOT string that is a record label: backslash and quote for the string, and the
    // characters that structure a record ({ } | < >) for the record.
    private static string EscapeDot(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': case '"': case '{': case '}': case '|': case '<': case '>':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r': case '\n': case '\t':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    // Inside a quoted Mermaid label: characters that end the string or read as markup become entity codes.
    private static string EscapeMermaid(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': escaped.Append("#quot;"); break;
                case '#': escaped.Append("#35;"); break;
                case '<': escaped.Append("#lt;"); break;
                case '>': escaped.Append("#gt;"); break;
                case '&': escaped.Append("#amp;"); break;
                case '`': escaped.Append("#96;"); break;
                case '\r': case '\n': case '\t': escaped.Append(' '); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }
}
