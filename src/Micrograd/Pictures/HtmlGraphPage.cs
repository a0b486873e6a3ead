using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Micrograd.Pictures;

/// <summary>
/// Builds the self-contained page of <see cref="Value.ToHtml"/>: the graph laid out by <see cref="GraphLayout"/>
/// and drawn as inline SVG by a small script, which back-propagates through it step by step, in the order
/// <see cref="Value.Backward"/> uses, with each operation's local derivatives from its own chain rule.
/// </summary>
internal static class HtmlGraphPage
{
    private const double CharWidth = 7.9; // 13px monospace
    private const double BoxHeight = 36;
    private const double OpHeight = 32;

    public static string Build(Value root)
    {
        GraphWalk walk = GraphWalk.From(root);
        IReadOnlyList<Value> values = walk.Values;
        Value.Node[] order = BackwardOrder(root);

        // The derivatives, and the gradients the page will arrive at, which size the boxes' grad cells.
        var derivatives = new Dictionary<Value, (double[] Derivatives, string Formula)>();
        var grads = new double[values.Count];
        grads[values.Count - 1] = 1;
        foreach (Value.Node node in order)
        {
            double[] d = LocalDerivatives.Of(node);
            derivatives[node] = (d, Formula.WithNumbers(node.DerivativeText, d));
            IReadOnlyList<Value> inputs = node.Inputs;
            for (int i = 0; i < inputs.Count; i++)
            {
                grads[walk.Ids[inputs[i]]] += grads[walk.Ids[node]] * d[i];
            }
        }

        var cells = new (double Label, double Data, double Grad)[values.Count];
        for (int id = 0; id < values.Count; id++)
        {
            Value value = values[id];
            string? label = value.Label;
            double labelWidth = Text(label is null ? ("#" + id).Length : Shorten(label).Length); // the page names unlabelled values #id
            double dataWidth = Text(("data " + F(value.Data)).Length);
            int gradChars = Math.Max(Math.Max(F(grads[id]).Length, F(value.Grad).Length), "1.0000".Length);
            cells[id] = (labelWidth, dataWidth, Text(("grad ").Length + gradChars));
        }

        var layout = new GraphLayout(
            walk,
            value => { (double l, double d, double g) = cells[walk.Ids[value]]; return (l + d + g, BoxHeight); },
            value => (Math.Max(OpHeight + 4, Text(value.Operator.Length)), OpHeight));

        var data = new StringBuilder();
        data.Append("{\"width\":").Rounded(layout.Width, 1).Append(",\"height\":").Rounded(layout.Height, 1);
        data.Append(",\"values\":[");
        for (int id = 0; id < values.Count; id++)
        {
            Value value = values[id];
            GraphLayout.Item box = layout.Boxes[id];
            if (id > 0)
            {
                data.Append(',');
            }

            data.Append("\n{\"id\":").Append(id);
            data.Append(",\"label\":").String(value.Label is null ? null : Shorten(value.Label));
            data.Append(",\"fullLabel\":").String(value.Label);
            data.Append(",\"data\":").Number(value.Data);
            data.Append(",\"stored\":").Number(value.Grad);
            data.Append(",\"x\":").Rounded(box.X - box.Width / 2, 1).Append(",\"y\":").Rounded(box.Y - box.Height / 2, 1);
            data.Append(",\"cells\":[").Rounded(cells[id].Label, 1).Append(',').Rounded(cells[id].Data, 1).Append(',').Rounded(cells[id].Grad, 1).Append(']');
            data.Append(",\"h\":").Rounded(box.Height, 1);
            if (layout.Ops[id] is GraphLayout.Item op)
            {
                (double[] d, string formula) = derivatives[value];
                data.Append(",\"op\":").String(value.Operator);
                data.Append(",\"opBox\":[").Rounded(op.X - op.Width / 2, 1).Append(',').Rounded(op.Y - op.Height / 2, 1)
                    .Append(',').Rounded(op.Width, 1).Append(',').Rounded(op.Height, 1).Append(']');
                data.Append(",\"inputs\":[");
                IReadOnlyList<Value> inputs = value.Inputs;
                for (int i = 0; i < inputs.Count; i++)
                {
                    data.Append(i > 0 ? "," : string.Empty).Append(walk.Ids[inputs[i]]);
                }

                data.Append("],\"local\":[");
                for (int i = 0; i < d.Length; i++)
                {
                    data.Append(i > 0 ? "," : string.Empty).Number(d[i]);
                }

                data.Append("],\"formula\":").String(formula);
                data.Append(",\"outEdge\":").String(Path(
                    (op.X + op.Width / 2, op.Y), (box.X - box.Width / 2, box.Y)));
            }

            data.Append('}');
        }

        data.Append("],\n\"edges\":[");
        bool first = true;
        foreach ((int from, int to, List<GraphLayout.Item> path) in layout.Edges)
        {
            var points = new List<(double X, double Y)>();
            GraphLayout.Item start = path[0], end = path[path.Count - 1];
            points.Add((start.X + start.Width / 2, start.Y));
            for (int i = 1; i < path.Count - 1; i++)
            {
                points.Add((path[i].ColumnLeft, path[i].Y));
                points.Add((path[i].ColumnRight, path[i].Y));
            }

            points.Add((end.X - end.Width / 2, end.Y));
            data.Append(first ? "\n" : ",\n").Append("{\"from\":").Append(from).Append(",\"to\":").Append(to)
                .Append(",\"d\":").String(Path(points.ToArray()));
            data.Append('}');
            first = false;
        }

        data.Append("],\n\"order\":[");
        for (int i = 0; i < order.Length; i++)
        {
            data.Append(i > 0 ? "," : string.Empty).Append(walk.Ids[order[i]]);
        }

        data.Append("],\"root\":").Append(values.Count - 1).Append('}');

        string title = root.Label is null ? "The graph of a value" : "The graph of " + Shorten(root.Label);
        return HtmlGraphTemplate.Page
            .Replace("%TITLE%", Js.Html(title))
            .Replace("/*%DATA%*/null", data.ToString());
    }

    // The interior values in the order Backward passes their gradients on: the root first.
    private static Value.Node[] BackwardOrder(Value root)
    {
        if (root.IsLeaf)
        {
            return [];
        }

        using Value.Traversal.Sorted sorted = Value.Traversal.Sort(root, zeroGradients: false);
        var order = new Value.Node[sorted.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = sorted.Node(sorted.Count - 1 - i);
        }

        return order;
    }

    // An SVG path through the points, as smooth curves that leave and arrive horizontally.
    private static string Path(params (double X, double Y)[] points)
    {
        var d = new StringBuilder();
        d.Append('M').Rounded(points[0].X, 1).Append(' ').Rounded(points[0].Y, 1);
        for (int i = 1; i < points.Length; i++)
        {
            (double x0, double y0) = points[i - 1];
            (double x1, double y1) = points[i];
            if (Math.Abs(y1 - y0) < 0.5)
            {
                d.Append(" L").Rounded(x1, 1).Append(' ').Rounded(y1, 1);
                continue;
            }

            double mid = (x0 + x1) / 2;
            d.Append(" C").Rounded(mid, 1).Append(' ').Rounded(y0, 1).Append(' ').Rounded(mid, 1).Append(' ').Rounded(y1, 1)
                .Append(' ').Rounded(x1, 1).Append(' ').Rounded(y1, 1);
        }

        return d.ToString();
    }

    private static double Text(int characters) => characters * CharWidth + 18;

    private static string Shorten(string label) => label.Length <= 40 ? label : label.Substring(0, 39) + "…";

    private static string F(double number) => Formula.Number(number);
}
