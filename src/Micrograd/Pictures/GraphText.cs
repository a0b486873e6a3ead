using System.Text;

namespace Micrograd.Pictures;

/// <summary>The graph behind a value as Graphviz DOT or Mermaid text: micrograd's draw_dot, one box per value (label, data, grad), one node per operation.</summary>
internal static class GraphText
{
    public static string Dot(Value root, GraphDirection direction)
    {
        GraphWalk walk = GraphWalk.From(root);
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

            text.Append("data ").Append(Formula.Number(value.Data)).Append(" | grad ").Append(Formula.Number(value.Grad)).Append(" }\"];\n");
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

    public static string Mermaid(Value root, GraphDirection direction)
    {
        GraphWalk walk = GraphWalk.From(root);
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

            text.Append("data ").Append(Formula.Number(value.Data)).Append(" | grad ").Append(Formula.Number(value.Grad)).Append("\"]\n");
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
