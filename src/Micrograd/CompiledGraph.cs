using System;
using System.Collections.Generic;
using System.Threading;

namespace Micrograd;

/// <summary>
/// The graph behind a value, recorded once as a flat program that recomputes every value from the current data
/// of the leaves (<see cref="Forward"/>) and back-propagates (<see cref="Backward"/>) as often as you like, without
/// building, sorting or allocating anything. Made by <see cref="Value.Compile"/>.
/// </summary>
/// <remarks>
/// <para>
/// Replay runs each operation's own forward value and chain rule, so after <see cref="Forward"/> every value's
/// <see cref="Value.Data"/> is what building the graph again with the same code would give, bit for bit, and
/// <see cref="Backward"/> gives the gradients <see cref="Value.Backward"/> would (leaves accumulate; interior
/// values are recomputed). Operations with kinks (ReLU, <see cref="Value.Abs"/>, <see cref="Value.Max"/>, ...)
/// decide again on the new numbers.
/// </para>
/// <para>
/// What is recorded is the graph, not your code: as with <c>torch.jit.trace</c>, an <c>if</c> or a loop in your
/// own code that depended on the numbers when the graph was built is not run again, and a number you computed
/// from a value's <see cref="Value.Data"/> and put into the graph as a constant (the shift of a numerically
/// stable softmax, say) keeps the value it had. Inputs are leaves: set their <see cref="Value.Data"/> and replay,
/// so one program serves every batch of the same size.
/// </para>
/// <para>
/// A program belongs to one thread at a time; programs over independent graphs may run on different threads at
/// once.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var x = new Value(0.0, "x");
/// var w = new Value(0.5, "w");
/// Value loss = (w * x - 1).Pow(2);
/// CompiledGraph program = loss.Compile();
/// foreach (double input in new[] { 1.0, 2.0, 3.0 })
/// {
///     x.Data = input;      // a new input
///     program.Forward();   // loss.Data is now (0.5 * input - 1)²
///     w.Grad = 0;
///     program.Backward();  // w.Grad is now 2 (0.5 * input - 1) * input
///     w.Data -= 0.1 * w.Grad;
/// }
/// </code>
/// </example>
public sealed class CompiledGraph
{
    // Counts backward passes (Value.Backward and this Backward), so that a program knows whether the interior
    // gradients its Forward zeroed may have been written since: measured, zeroing them again in every Backward instead
    // costs replay about 7 % (docs/performance.md).
    private static long s_backwardPasses;

    private readonly Value.Node[] _program; // the interior values, each after its inputs; the output last
    private readonly Step[]? _forward; // how Forward recomputes them when some are grouped; null: one by one, in order
    private long? _zeroedAtPass; // the backward-pass count when Forward last zeroed the interior gradients, if not since

    private CompiledGraph(Value output, Value.Node[] program)
    {
        Output = output;
        _program = program;
        _forward = Schedule(program);
    }

    /// <summary>The value the program was compiled from: its <see cref="Value.Data"/> is the result of <see cref="Forward"/>.</summary>
    public Value Output { get; }

    /// <summary>How many values the program computes (the interior values of the graph; leaves are its inputs).</summary>
    public int Count => _program.Length;

    /// <summary>
    /// Recomputes every value of the graph, in order, from the current <see cref="Value.Data"/> of its leaves. The
    /// gradients of the interior values are reset to 0 on the way, ready for <see cref="Backward"/>.
    /// </summary>
    public void Forward()
    {
        if (_forward is null)
        {
            foreach (Value.Node node in _program)
            {
                node.Forward();
                node.Grad = 0; // the object Forward just wrote, so this costs almost nothing here
            }
        }
        else
        {
            foreach (Step step in _forward)
            {
                if (step.Group is null)
                {
                    step.Node.Forward();
                    step.Node.Grad = 0;
                }
                else
                {
                    ((Value.AffineRow)step.Node).ForwardTogether(step.Group);
                    foreach (Value.AffineRow row in step.Group)
                    {
                        row.Grad = 0;
                    }
                }
            }
        }

        _zeroedAtPass = Interlocked.Read(ref s_backwardPasses);
    }

    /// <summary>
    /// Does what <see cref="Value.Backward"/> on <see cref="Output"/> does: sets its gradient to 1, recomputes the
    /// gradients of interior values from zero, and adds to the gradients of leaves.
    /// </summary>
    public void Backward()
    {
        Value.Node[] program = _program;
        if (program.Length == 0)
        {
            Output.Grad += 1; // the output is a leaf
            return;
        }

        // Interior gradients start from 0: Forward zeroed them, unless a backward pass has run since (this program's or
        // any other, which may have reached these values).
        if (_zeroedAtPass != CountBackwardPass() - 1)
        {
            foreach (Value.Node node in program)
            {
                node.Grad = 0;
            }
        }

        _zeroedAtPass = null;
        Output.Grad = 1;
        for (int i = program.Length - 1; i >= 0; i--)
        {
            program[i].Backward(null);
        }
    }

    /// <summary>Counts a backward pass; returns the new count.</summary>
    internal static long CountBackwardPass() => Interlocked.Increment(ref s_backwardPasses);

    /// <summary>Returns a short description, such as <c>CompiledGraph(65818 values)</c>.</summary>
    /// <returns>The number of values in the program.</returns>
    public override string ToString() => "CompiledGraph(" + ArgumentChecks.Count(Count, "value") + ")";

    /// <summary>Records the graph behind <paramref name="output"/>; see <see cref="Value.Compile"/>.</summary>
    internal static CompiledGraph Record(Value output)
    {
        if (output.IsLeaf)
        {
            return new CompiledGraph(output, Array.Empty<Value.Node>());
        }

        using Value.Traversal.Sorted order = Value.Traversal.Sort(output, zeroGradients: false);
        var program = new Value.Node[order.Count];
        for (int i = 0; i < program.Length; i++)
        {
            program[i] = order.Node(i);
            if (Value.WhyNotReplayable(program[i]) is { } reason)
            {
                throw new NotSupportedException("This graph cannot be compiled: " + reason + ".");
            }
        }

        return new CompiledGraph(output, program);
    }

    /// <summary>
    /// The forward steps of a program: each value alone, except the rows of one affine map call whose weights and
    /// biases are leaves: those depend only on the call's inputs, so they are recomputed together, four at a time,
    /// at the place of the first of them.
    /// </summary>
    private static Step[]? Schedule(Value.Node[] program)
    {
        Dictionary<object, List<Value.AffineRow>>? groups = null;
        foreach (Value.Node node in program)
        {
            if (node is Value.AffineRow { ReplayGroup: { } key } row)
            {
                groups ??= new Dictionary<object, List<Value.AffineRow>>(ReferenceComparer.Instance);
                if (!groups.TryGetValue(key, out List<Value.AffineRow>? rows))
                {
                    groups.Add(key, rows = new List<Value.AffineRow>());
                }

                rows.Add(row);
            }
        }

        if (groups is null)
        {
            return null;
        }

        var steps = new List<Step>(program.Length);
        foreach (Value.Node node in program)
        {
            if (node is Value.AffineRow { ReplayGroup: { } key } && groups[key] is { Count: > 1 } rows)
            {
                if (rows[0] == node)
                {
                    steps.Add(new Step(node, rows.ToArray()));
                }
            }
            else
            {
                steps.Add(new Step(node, null));
            }
        }

        return steps.ToArray();
    }

    /// <summary>One step of <see cref="Forward"/>: a node, or the first row of a group and the whole group.</summary>
    private readonly struct Step
    {
        public Step(Value.Node node, Value.AffineRow[]? group)
        {
            Node = node;
            Group = group;
        }

        public Value.Node Node { get; }

        public Value.AffineRow[]? Group { get; }
    }
}

public partial class Value
{
    /// <summary>
    /// Records the graph behind this value as a <see cref="CompiledGraph"/>: a program that recomputes it from new
    /// leaf data and back-propagates through it, many times, without building anything again.
    /// </summary>
    /// <returns>The program, with this value as its <see cref="CompiledGraph.Output"/>.</returns>
    /// <exception cref="NotSupportedException">
    /// The graph holds a user-defined operation that cannot compute itself again (one made without an evaluate
    /// function); the message names it.
    /// </exception>
    /// <remarks>Changes no value or gradient. See <see cref="CompiledGraph"/> for what replay does and does not repeat.</remarks>
    public CompiledGraph Compile() => CompiledGraph.Record(this);
}
