namespace Micrograd;

/// <summary>
/// Gradients kept apart from every <see cref="Value.Grad"/>: what a node's chain rule passes on when it is not
/// back-propagating into the inputs themselves. <see cref="Adjoints"/> serves <see cref="Gradients.Of"/> (numbers, or
/// values of a new graph); the graph page records each node's local derivatives with one of its own.
/// </summary>
internal abstract class GradientSink
{
    /// <summary>Whether the gradients are values of a new graph rather than numbers.</summary>
    public abstract bool BuildsGraph { get; }

    /// <summary>This sink as a chain rule takes it.</summary>
    public Adapter Into => new(this);

    /// <summary>The gradient that has reached <paramref name="node"/>, if any: what its chain rule passes on.</summary>
    public abstract bool TryGetGradient(Value node, out Scalar gradient);

    /// <summary>Adds <paramref name="contribution"/> to the gradient of <paramref name="input"/>.</summary>
    public abstract void Add(Value input, Scalar contribution);

    /// <summary>A value as a chain rule reads it: the value itself when building a graph, else its number.</summary>
    public Scalar Operand(Value value) => BuildsGraph ? new Scalar(value) : new Scalar(value.Data);

    /// <summary>A sink as the <see cref="IGradientSink"/> a chain rule is written against. Every term is kept.</summary>
    public readonly struct Adapter : IGradientSink
    {
        private readonly GradientSink _sink;

        public Adapter(GradientSink sink) => _sink = sink;

        public bool BuildsGraph => _sink.BuildsGraph;

        public bool MaySkipZeros => false;

        public Scalar Operand(Value value) => _sink.Operand(value);

        public void Add(Value input, Scalar contribution) => _sink.Add(input, contribution);
    }
}
