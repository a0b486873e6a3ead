using System;
using System.Collections.Generic;

namespace Micrograd;

/// <summary>
/// The values behind a result, numbered in a fixed order (each after its inputs, inputs in operand order), with
/// the distinct input-to-value edges: what a graph picture draws. Same graph, same numbering.
/// </summary>
internal sealed class GraphWalk
{
    private GraphWalk(List<Value> values, Dictionary<Value, int> ids)
    {
        Values = values;
        Ids = ids;
    }

    /// <summary>Every value, leaves included, in topological order; the result is last.</summary>
    public IReadOnlyList<Value> Values { get; }

    /// <summary>Each value's number: its position in <see cref="Values"/>.</summary>
    public IReadOnlyDictionary<Value, int> Ids { get; }

    public static GraphWalk From(Value root, int maxValues)
    {
        var ids = new Dictionary<Value, int>();
        var values = new List<Value>();
        var stack = new Stack<(Value Value, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            // In a DAG every other entry of a value lies beneath the first one popped, and so beneath the inputs
            // that entry pushes: by the time it is popped, the value has been numbered.
            (Value value, bool isExpanded) = stack.Pop();
            if (ids.ContainsKey(value))
            {
                continue;
            }

            if (isExpanded)
            {
                ids.Add(value, values.Count);
                values.Add(value);
                if (values.Count > maxValues)
                {
                    throw new InvalidOperationException(
                        "The graph has more than " + maxValues + " values, too many to draw legibly (Value.MaxGraphValues). " +
                        "Draw a smaller part of it, for example one output of a layer.");
                }
            }
            else
            {
                stack.Push((value, true));
                IReadOnlyList<Value> inputs = value.Inputs;
                for (int i = inputs.Count - 1; i >= 0; i--)
                {
                    stack.Push((inputs[i], false)); // pushed in reverse, so the first operand is numbered first
                }
            }
        }

        return new GraphWalk(values, ids);
    }

    /// <summary>The distinct inputs of a value in operand order (a value used twice by one operation is drawn once).</summary>
    public IEnumerable<Value> DistinctInputs(Value value)
    {
        var seen = new HashSet<Value>();
        foreach (Value input in value.Inputs)
        {
            if (seen.Add(input))
            {
                yield return input;
            }
        }
    }
}
