using System;
using System.Collections.Generic;

namespace Micrograd;

public static partial class Gradients
{
    /// <summary>
    /// The derivative of <paramref name="output"/> with respect to each of <paramref name="inputs"/>, as PyTorch's
    /// <c>torch.autograd.grad</c>. Unlike <see cref="Value.Backward"/> it neither reads nor writes any
    /// <see cref="Value.Grad"/>, so it may be used in the middle of a training step.
    /// </summary>
    /// <param name="output">The value to differentiate.</param>
    /// <param name="inputs">
    /// The values to differentiate with respect to: leaves or interior values of <paramref name="output"/>'s graph.
    /// An input that <paramref name="output"/> does not depend on gets 0.
    /// </param>
    /// <param name="createGraph">
    /// <see langword="false"/>: the derivatives are new leaves holding numbers. <see langword="true"/>: they are values
    /// of a new graph over the same leaves, built from each operation's own derivative, so that this method applies
    /// to them again: second derivatives, third, and so on.
    /// </param>
    /// <returns>∂output/∂inputs[i] for each input, in the same order.</returns>
    /// <remarks>
    /// One reverse sweep over <paramref name="output"/>'s graph, in the order <see cref="Value.Backward"/> uses, so
    /// that without <paramref name="createGraph"/> the numbers are those <see cref="Value.Backward"/> would add to
    /// zeroed gradients, bit for bit. Building a graph costs a few new values per value of the original.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="inputs"/> is <see langword="null"/>, or <paramref name="inputs"/> contains <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">
    /// <paramref name="createGraph"/> is <see langword="true"/> and the graph holds an operation of your own whose local
    /// gradients were given as numbers; give them as values instead (see
    /// <see cref="Value.Function(string, IReadOnlyList{Value}, double, IReadOnlyList{Value})"/>).
    /// </exception>
    /// <example>
    /// <code>
    /// var x = new Value(2.0);
    /// Value y = x.Pow(3);                                               // x³ = 8
    /// Value dy = Gradients.Of(y, [x], createGraph: true)[0];           // 3x² = 12, a value of a graph
    /// Value d2y = Gradients.Of(dy, [x], createGraph: true)[0];         // 6x = 12
    /// Console.WriteLine(Gradients.Of(d2y, [x])[0].Data);               // 6
    /// </code>
    /// </example>
    public static IReadOnlyList<Value> Of(Value output, IReadOnlyList<Value> inputs, bool createGraph = false)
    {
        ArgumentChecks.NotNull(output, nameof(output));
        ArgumentChecks.Elements(inputs, nameof(inputs));
        var results = new Value[inputs.Count];
        Adjoints adjoints = Adjoints.Rent(createGraph);
        try
        {
            // Backward's sweep, into a table of its own: seed the output with 1, then let each interior value pass
            // its gradient on by its own chain rule, in the same order.
            Sweep(output, adjoints);

            for (int i = 0; i < results.Length; i++)
            {
                // Without createGraph every gradient is a number, which ToValue makes a new leaf.
                results[i] = adjoints.TryGetGradient(inputs[i], out Scalar gradient) ? gradient.ToValue() : new Value(0.0);
            }
        }
        finally
        {
            adjoints.Return();
        }

        return Array.AsReadOnly(results);
    }

    private static void Sweep(Value output, Adjoints adjoints)
    {
        adjoints.Add(output, 1.0);
        if (!output.IsLeaf)
        {
            using Value.Traversal.Sorted order = Value.Traversal.Sort(output, zeroGradients: false);
            for (int i = order.Count - 1; i >= 0; i--)
            {
                order.Node(i).Backward(adjoints);
            }
        }
    }
}
