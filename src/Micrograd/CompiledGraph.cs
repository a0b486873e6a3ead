using System;

namespace Micrograd;

/// <summary>
/// The graph behind a value, recorded once as a flat program that recomputes every value from the current data
/// of the leaves (<see cref="Forward"/>) and back-propagates (<see cref="Backward"/>) as often as you like, without
/// building, sorting or allocating anything. Made by <see cref="Value.Compile"/>.
/// </summary>
/// <remarks>
/// <para>
/// Replay runs each operation's own definition, so after <see cref="Forward"/> every value's
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
    private readonly Value[] _program; // the interior values, each after its inputs; the output last
    private readonly Value[] _forwardValues; // the values Forward recomputes one by one, in order...
    private readonly (int Place, Value[] Members)[] _forwardGroups; // ...except at these places, where a group is recomputed together
    private long? _zeroedAtPass; // the backward-pass count when Forward last zeroed the interior gradients; null if not since the last pass

    internal CompiledGraph(Value output, Value[] program)
    {
        Output = output;
        _program = program;
        Value.ForwardSteps(program, out _forwardValues, out _forwardGroups);
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
        Value[] values = _forwardValues;
        (int Place, Value[] Members)[] groups = _forwardGroups;
        int nextGroup = 0;
        int nextPlace = groups.Length > 0 ? groups[0].Place : -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (i == nextPlace)
            {
                Value[] members = groups[nextGroup].Members;
                Value.RecomputeTogether(members);
                foreach (Value member in members)
                {
                    member.Grad = 0;
                }

                nextGroup++;
                nextPlace = nextGroup < groups.Length ? groups[nextGroup].Place : -1;
            }
            else
            {
                Value value = values[i];
                Value.Recompute(value);
                value.Grad = 0; // the same object Recompute just wrote, so this costs almost nothing here
            }
        }

        _zeroedAtPass = Value.BackwardPasses;
    }

    /// <summary>
    /// Does what <see cref="Value.Backward"/> on <see cref="Output"/> does: sets its gradient to 1, recomputes the
    /// gradients of interior values from zero, and adds to the gradients of leaves.
    /// </summary>
    public void Backward()
    {
        Value[] program = _program;
        if (program.Length == 0)
        {
            Output.Grad += 1; // the output is a leaf
            return;
        }

        // Interior gradients start from 0. Forward zeroed them already unless some backward pass has run since
        // (this program's or any other, which may have reached these values); then zero them here.
        long pass = Value.StartBackwardPass();
        if (_zeroedAtPass != pass - 1)
        {
            for (int i = 0; i < program.Length; i++)
            {
                program[i].Grad = 0;
            }
        }

        _zeroedAtPass = null;
        Output.Grad = 1;
        for (int i = program.Length - 1; i >= 0; i--)
        {
            Value.PropagateToInputs(program[i]);
        }
    }

    /// <summary>Returns a short description, such as <c>CompiledGraph(65818 values)</c>.</summary>
    /// <returns>The number of values in the program.</returns>
    public override string ToString() => "CompiledGraph(" + Count + " values)";
}
