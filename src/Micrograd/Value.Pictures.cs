using Micrograd.Pictures;

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
    public string ToDot(GraphDirection direction = GraphDirection.LeftToRight) => GraphText.Dot(this, direction);

    /// <summary>
    /// Returns a Mermaid flowchart of the graph behind this value, with the same boxes and edges as
    /// <see cref="ToDot"/>. GitHub renders it inside a Markdown <c>```mermaid</c> block with no tool at all.
    /// </summary>
    /// <param name="direction">Which way the picture flows; left to right by default.</param>
    /// <returns>The Mermaid text; the same graph always gives the same text.</returns>
    /// <exception cref="System.InvalidOperationException">The graph has more than <see cref="MaxGraphValues"/> values.</exception>
    public string ToMermaid(GraphDirection direction = GraphDirection.LeftToRight) => GraphText.Mermaid(this, direction);
}
