using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
#if NET
using System.Runtime.InteropServices;
#endif

namespace Micrograd;

/// <summary>
/// The gradients one <see cref="Gradients.Of"/> sweep accumulates, kept apart from every <see cref="Value.Grad"/>:
/// numbers, or, when the sweep builds a graph, values over the same leaves.
/// </summary>
internal sealed class Adjoints : GradientSink
{
    // One per thread, kept between sweeps so that a large graph's table is not allocated (on the large object heap)
    // and collected every time; emptied after each sweep so that it holds no values.
    [ThreadStatic] private static Adjoints? t_spare;

    private readonly Dictionary<Value, Scalar> _sums = new(ByReference.Instance);

    private Adjoints()
    {
    }

    private bool _createGraph;

    /// <summary>Whether the gradients are values of a new graph (<c>createGraph: true</c>) rather than numbers.</summary>
    public override bool BuildsGraph => _createGraph;

    /// <summary>An empty set of gradients for one sweep; give it back with <see cref="Return"/>.</summary>
    public static Adjoints Rent(bool createGraph)
    {
        Adjoints adjoints = t_spare ?? new Adjoints();
        t_spare = null;
        adjoints._createGraph = createGraph;
        return adjoints;
    }

    /// <summary>Empties this set and keeps it for the thread's next sweep.</summary>
    public void Return()
    {
        _sums.Clear();
        t_spare = this;
    }

    /// <summary>Adds <paramref name="contribution"/> to the gradient of <paramref name="value"/>.</summary>
    public override void Add(Value value, Scalar contribution)
    {
#if NET
        ref Scalar sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_sums, value, out bool exists); // one lookup
#else
        bool exists = _sums.TryGetValue(value, out Scalar sum);
#endif

        // Without a sum yet: 0 + c, as Backward adds to a zeroed gradient (which turns a lone −0 into +0); a value
        // needs no 0 +.
        sum = exists ? sum + contribution : contribution.IsNumber ? new Scalar(0.0 + contribution.Number) : contribution;
#if !NET
        _sums[value] = sum;
#endif
    }

    /// <summary>The gradient accumulated for <paramref name="value"/>, if any reached it.</summary>
    public override bool TryGetGradient(Value value, out Scalar gradient) => _sums.TryGetValue(value, out gradient);

    /// <summary>Values compare by identity here, whatever <c>Equals</c> says.</summary>
    private sealed class ByReference : IEqualityComparer<Value>
    {
        public static readonly ByReference Instance = new();

        public bool Equals(Value? x, Value? y) => ReferenceEquals(x, y);

        public int GetHashCode(Value obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
