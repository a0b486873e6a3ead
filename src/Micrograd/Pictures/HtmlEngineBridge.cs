using System.Collections.Generic;

namespace Micrograd.Pictures;

/// <summary>
/// What the HTML graph page needs from the engine, in one place: the order in which <see cref="Value.Backward"/>
/// visits the interior values, and each operation's local derivatives, which come from the operation's own
/// definition (its <c>Backward</c> with a gradient of 1, and its derivative text).
/// </summary>
internal static class HtmlEngineBridge
{
    /// <summary>
    /// The interior values (not leaves) of the graph in the order <see cref="Value.Backward"/> passes their
    /// gradients on: the root first, and every value before all of the values it was computed from.
    /// </summary>
    /// <param name="walk">The graph, as walked from its root (topological order, root last).</param>
    /// <returns>The interior values in back-propagation order; empty when the root is a leaf.</returns>
    public static IReadOnlyList<Value> BackwardOrder(GraphWalk walk) => Value.BackwardOrder(walk.Values[walk.Values.Count - 1]);

    /// <summary>
    /// The local derivatives of an operation node: d(node)/d(input) for each entry of <see cref="Value.Inputs"/>
    /// (same positions; a value used twice appears twice), at the inputs' current <see cref="Value.Data"/>, and a
    /// short formula for a person with the numbers plugged in.
    /// </summary>
    /// <param name="node">An interior value.</param>
    /// <returns>The derivatives, one per input, and the formula text.</returns>
    public static (double[] Derivatives, string Formula) LocalDerivatives(Value node)
    {
        double[] derivatives = Value.LocalDerivativesOf(node, out string formula);
        return (derivatives, formula);
    }
}
