using System.Collections.Generic;

namespace Micrograd.Pictures;

/// <summary>
/// The values behind a result, numbered as the pictures draw them (each after its inputs, the first operand first,
/// leaves included), from the engine's traversal. Same graph, same numbering.
/// </summary>
internal sealed class GraphWalk
{
    private GraphWalk(Value[] values, Dictionary<Value, int> ids)
    {
        Values = values;
        Ids = ids;
    }

    /// <summary>Every value, leaves included, in topological order; the result is last.</summary>
    public IReadOnlyList<Value> Values { get; }

    /// <summary>Each value's number: its position in <see cref="Values"/>.</summary>
    public IReadOnlyDictionary<Value, int> Ids { get; }

    /// <summary>Numbers the graph behind <paramref name="root"/>, refusing one of more than <see cref="Value.MaxGraphValues"/> values before visiting more than one value past the limit.</summary>
    public static GraphWalk From(Value root)
    {
        using Value.Traversal.Sorted order = Value.Traversal.SortForPicture(root, Value.MaxGraphValues);
        var values = new Value[order.Count];
        var ids = new Dictionary<Value, int>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = order[i];
            ids.Add(values[i], i);
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
