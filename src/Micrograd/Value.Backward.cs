namespace Micrograd;

// Reverse-mode differentiation: order the graph so that every value comes after the values it was computed
// from, then walk that order backwards, letting each node pass its gradient to its inputs with its own local
// derivatives (each operation's PropagateToInputs). Nothing here knows any particular operation, and nothing
// recurses, so a chain of ten million values back-propagates without overflowing the stack.
public partial class Value
{
    // Traversals take fresh marks from one counter, so graphs on different threads never confuse each other.
    private static int s_lastVisitMark;

    // Counts backward passes (Backward and CompiledGraph.Backward), so that a compiled program knows whether the
    // interior gradients its Forward zeroed may have been touched since.
    private static long s_backwardPasses;

    internal static long BackwardPasses => System.Threading.Interlocked.Read(ref s_backwardPasses);

    /// <summary>Counts a backward pass; returns the new count.</summary>
    internal static long StartBackwardPass() => System.Threading.Interlocked.Increment(ref s_backwardPasses);

    /// <summary>
    /// Computes the derivative of this value with respect to every value it depends on, and adds it to their
    /// <see cref="Grad"/>.
    /// </summary>
    /// <remarks>
    /// This value's own gradient is set to 1. As in PyTorch, leaves (values made with the constructor)
    /// accumulate across calls, so a training loop zeroes them before each step; interior values are
    /// recomputed from zero on every call. A value used several times receives the sum of the gradients of
    /// all its uses. Runs in time and memory linear in the size of the graph, without recursion.
    /// </remarks>
    /// <example>
    /// <code>
    /// var x = new Value(2.0);
    /// var y = x * x + x; // x is used three times
    /// y.Backward();
    /// Console.WriteLine(x.Grad); // 5  (2x + 1)
    /// </code>
    /// </example>
    public void Backward()
    {
        if (!_isInterior)
        {
            _grad += 1; // a leaf: nothing to propagate to
            return;
        }

        StartBackwardPass();
        Traversal traversal = Traversal.Rent();
        int count = 0;
        try
        {
            count = traversal.Sort(this); // interior values only, gradients zeroed, this one last
            Slot[] order = traversal.Order;
            _grad = 1;
            for (int i = count - 1; i >= 0; i--)
            {
                order[i].Value.PropagateToInputs();
            }
        }
        finally
        {
            traversal.Return(count);
        }
    }
}
