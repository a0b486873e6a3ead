using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Micrograd;

/// <summary>
/// The gradients one <see cref="Gradients.Of"/> sweep accumulates, kept apart from every <see cref="Value.Grad"/>:
/// numbers, or, when the sweep builds a graph, values over the same leaves. Each node passes its share to its
/// inputs through <see cref="Add"/>, reading its operands through <see cref="Operand"/>, so one chain rule per
/// node serves both kinds.
/// </summary>
internal sealed class Adjoints
{
    private readonly Dictionary<Value, Scalar> _sums = new(ByReference.Instance);

    public Adjoints(bool createGraph) => CreateGraph = createGraph;

    /// <summary>Whether the gradients are values of a new graph (<c>createGraph: true</c>) rather than numbers.</summary>
    public bool CreateGraph { get; }

    /// <summary><paramref name="value"/> as a derivative formula sees it: the value itself when building a graph, else its number.</summary>
    public Scalar Operand(Value value) => CreateGraph ? new Scalar(value) : new Scalar(value.Data);

    /// <summary>Adds <paramref name="contribution"/> to the gradient of <paramref name="value"/>.</summary>
    public void Add(Value value, Scalar contribution)
    {
        if (_sums.TryGetValue(value, out Scalar sum))
        {
            _sums[value] = sum + contribution;
        }
        else
        {
            // 0 + c, as Backward adds to a zeroed gradient (which turns a lone −0 into +0); a value needs no 0 +.
            _sums[value] = contribution.IsNumber ? new Scalar(0.0 + contribution.Number) : contribution;
        }
    }

    /// <summary>The gradient accumulated for <paramref name="value"/>, if any reached it.</summary>
    public bool TryGet(Value value, out Scalar gradient) => _sums.TryGetValue(value, out gradient);

    /// <summary>Values compare by identity here, whatever <c>Equals</c> says.</summary>
    private sealed class ByReference : IEqualityComparer<Value>
    {
        public static readonly ByReference Instance = new();

        public bool Equals(Value? x, Value? y) => ReferenceEquals(x, y);

        public int GetHashCode(Value obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
