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

        Traversal traversal = Traversal.Rent();
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
            traversal.Return(count);
        }
    }

    // For CompiledGraph, which replays values without being able to see their node types.
    internal static void Recompute(Value value) => value.Recompute();

    internal static void RecomputeTogether(Value[] members) => members[0].RecomputeGroup(members);

    /// <summary>
    /// The forward steps of a program: each value alone, except values that share a group key, which are
    /// recomputed together at the place of the first of them. <paramref name="values"/> is the program itself when
    /// nothing is grouped; <paramref name="groups"/> lists each group of two or more with its place, in order.
    /// </summary>
    internal static void ForwardSteps(Value[] program, out Value[] values, out (int Place, Value[] Members)[] groups)
    {
        System.Collections.Generic.Dictionary<object, System.Collections.Generic.List<Value>>? found = null;
        foreach (Value value in program)
        {
            if (value.RecomputeGroupKey is { } key)
            {
                found ??= new(ReferenceEqualityComparer.Instance);
                if (found.TryGetValue(key, out var members))
                {
                    members.Add(value);
                }
                else
                {
                    found.Add(key, [value]);
                }
            }
        }

        if (found is null)
        {
            values = program;
            groups = [];
            return;
        }

        // Keep each group's first member at its place and drop the others, which it recomputes.
        var later = new System.Collections.Generic.HashSet<Value>(ReferenceEqualityComparer.Instance);
        foreach (var members in found.Values)
        {
            for (int i = 1; i < members.Count; i++)
            {
                later.Add(members[i]);
            }
        }

        var kept = new Value[program.Length - later.Count];
        var placed = new System.Collections.Generic.List<(int Place, Value[] Members)>();
        int count = 0;
        foreach (Value value in program)
        {
            if (later.Contains(value))
            {
                continue;
            }

            if (value.RecomputeGroupKey is { } key && found[key].Count > 1)
            {
                placed.Add((count, found[key].ToArray()));
            }

            kept[count++] = value;
        }

        values = kept;
        groups = placed.ToArray();
    }

    /// <summary>Compares keys by identity (netstandard2.0 has no ReferenceEqualityComparer).</summary>
    private sealed class ReferenceEqualityComparer : System.Collections.Generic.IEqualityComparer<object>, System.Collections.Generic.IEqualityComparer<Value>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);

        public bool Equals(Value? x, Value? y) => ReferenceEquals(x, y);

        public int GetHashCode(Value obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    internal static void PropagateToInputs(Value value) => value.PropagateToInputs();
}
