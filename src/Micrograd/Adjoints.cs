using System;
using System.Collections.Generic;
#if NET
using System.Runtime.InteropServices;
#endif

namespace Micrograd;

/// <summary>
/// The gradient sink of <see cref="Gradients.Of"/>: the gradients one sweep accumulates, kept apart from every
/// <see cref="Value.Grad"/>, as numbers or, when the sweep builds a graph, as values over the same leaves. The graph
/// page also uses one to record what a single node's chain rule passes to each input.
/// </summary>
internal sealed class Adjoints
{
    // One per thread, kept between sweeps so that a large graph's table is not allocated (on the large object heap)
    // and collected every time; emptied after each sweep so that it holds no values.
    [ThreadStatic] private static Adjoints? t_spare;

    private readonly Dictionary<Value, Scalar> _sums = new(ReferenceComparer.Instance);

    private List<(Value Input, double Contribution)>? _record; // every contribution in turn, for the graph page

    private Adjoints()
    {
    }

    /// <summary>Whether the gradients are values of a new graph (<c>createGraph: true</c>) rather than numbers.</summary>
    public bool BuildsGraph { get; private set; }

    /// <summary>This table as the sink a chain rule is written against.</summary>
    public Sink Into => new(this);

    /// <summary>An empty set of gradients for one sweep; give it back with <see cref="Return"/>.</summary>
    public static Adjoints Rent(bool createGraph)
    {
        Adjoints adjoints = t_spare ?? new Adjoints();
        t_spare = null;
        adjoints.BuildsGraph = createGraph;
        return adjoints;
    }

    /// <summary>A table of numbers that also lists every contribution added to it, in order, in <paramref name="record"/>.</summary>
    public static Adjoints Recording(List<(Value Input, double Contribution)> record) => new() { _record = record };

    /// <summary>A value as a chain rule reads it: the value itself when building a graph, else its number.</summary>
    public Scalar Operand(Value value) => BuildsGraph ? new Scalar(value) : new Scalar(value.Data);

    /// <summary>Empties this set and keeps it for the thread's next sweep.</summary>
    public void Return()
    {
        _sums.Clear();
        t_spare = this;
    }

    /// <summary>Adds <paramref name="contribution"/> to the gradient of <paramref name="value"/>.</summary>
    public void Add(Value value, Scalar contribution)
    {
        _record?.Add((value, contribution.Number));
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
    public bool TryGetGradient(Value value, out Scalar gradient) => _sums.TryGetValue(value, out gradient);

    /// <summary>The table as the <see cref="IGradientSink"/> a chain rule is written against. Every term is kept.</summary>
    public readonly struct Sink : IGradientSink
    {
        private readonly Adjoints _adjoints;

        public Sink(Adjoints adjoints) => _adjoints = adjoints;

        public bool BuildsGraph => _adjoints.BuildsGraph;

        public bool MaySkipZeros => false;

        public Scalar Operand(Value value) => _adjoints.Operand(value);

        public void Add(Value input, Scalar contribution) => _adjoints.Add(input, contribution);
    }
}
