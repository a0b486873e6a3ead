using System;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// Records the graph behind this value as a <see cref="CompiledGraph"/>: a program that recomputes it from new
    /// leaf data and back-propagates through it, many times, without building anything again.
    /// </summary>
    /// <returns>The program, with this value as its <see cref="CompiledGraph.Output"/>.</returns>
    /// <exception cref="NotSupportedException">
    /// The graph holds a user-defined operation made from numbers (<see cref="Function(string, System.Collections.Generic.IReadOnlyList{Value}, double, System.Collections.Generic.IReadOnlyList{double})"/>),
    /// which cannot compute itself again; the message names it.
    /// </exception>
    /// <remarks>Changes no value or gradient. See <see cref="CompiledGraph"/> for what replay does and does not repeat.</remarks>
    public CompiledGraph Compile()
    {
        if (!_isInterior)
        {
            return new CompiledGraph(this, Array.Empty<Value>());
        }

        Traversal traversal = t_traversal ?? new Traversal();
        t_traversal = null; // claimed until this call returns
        int count = 0;
        try
        {
            count = traversal.Sort(this, zeroGradients: false);
            var program = new Value[count];
            for (int i = 0; i < count; i++)
            {
                program[i] = traversal.Order[i].Value;
            }
            foreach (Value value in program)
            {
                if (value.NotReplayableBecause is { } reason)
                {
                    throw new NotSupportedException("This graph cannot be compiled: " + reason + ".");
                }
            }

            return new CompiledGraph(this, program);
        }
        finally
        {
            traversal.Release(count);
            t_traversal = traversal;
        }
    }

    // For CompiledGraph, which replays values without being able to see their node types.
    internal static void Recompute(Value value) => value.Recompute();

    internal static void RecomputeTogether(Value[] members) => members[0].RecomputeGroup(members);

    /// <summary>
    /// The forward steps of a program: each value alone, except values that share a group key, which form one
    /// step at the place of the first of them.
    /// </summary>
    internal static Value[][] ForwardSteps(Value[] program)
    {
        var steps = new System.Collections.Generic.List<Value[]>(program.Length);
        var groups = new System.Collections.Generic.Dictionary<object, System.Collections.Generic.List<Value>>();
        var groupStep = new System.Collections.Generic.Dictionary<object, int>();
        foreach (Value value in program)
        {
            object? key = value.RecomputeGroupKey;
            if (key is null)
            {
                steps.Add([value]);
            }
            else if (groups.TryGetValue(key, out var members))
            {
                members.Add(value);
            }
            else
            {
                groups.Add(key, [value]);
                groupStep.Add(key, steps.Count);
                steps.Add(null!); // filled below
            }
        }

        foreach (var group in groups)
        {
            steps[groupStep[group.Key]] = group.Value.ToArray();
        }

        return steps.ToArray();
    }

    internal static void PropagateToInputs(Value value) => value.PropagateToInputs();
}
