using Micrograd.Pictures;

namespace Micrograd;

// An interactive picture of the graph behind a value: a page that opens in any browser, with no network.
public partial class Value
{
    /// <summary>
    /// Returns one self-contained HTML page (inline SVG, style and script; it loads nothing) that draws the graph
    /// behind this value as micrograd's lecture does, a box per value showing its label, data and gradient and a
    /// node per operation, laid out left to right by depth. Its "Backward step" button back-propagates one node
    /// at a time in the order <see cref="Backward"/> uses, highlighting the node and the inputs it passes its
    /// gradient to; "Run backward" plays every step and "Reset" starts again. Hovering over an operation shows its
    /// local derivative with the numbers plugged in.
    /// </summary>
    /// <remarks>
    /// The page starts with every gradient at zero and computes them itself as it steps; at the last step they
    /// are the gradients <see cref="Backward"/> gives this value's graph on a first call. The data shown are
    /// those of the moment this method is called.
    /// </remarks>
    /// <returns>The page's HTML text.</returns>
    /// <exception cref="System.InvalidOperationException">The graph has more than <see cref="MaxGraphValues"/> values.</exception>
    /// <example>
    /// <code>
    /// var x = new Value(2.0, "x");
    /// var w = new Value(-3.0, "w");
    /// var o = (x * w).Tanh();
    /// o.Label = "o";
    /// File.WriteAllText("o.html", o.ToHtml()); // open it in a browser
    /// </code>
    /// </example>
    public string ToHtml() => HtmlGraphPage.Build(this);
}
