using System.Collections.Generic;

namespace Micrograd.Pictures;

/// <summary>
/// An operation's local derivatives as the graph page shows them: the node's own chain rule run with a gradient of 1,
/// recording what it passes to each input. Nothing else in the graph is read or changed.
/// </summary>
internal sealed class LocalDerivatives : GradientSink
{
    private readonly Value _node;
    private readonly List<(Value Input, double Derivative)> _passed = new();

    private LocalDerivatives(Value node) => _node = node;

    public override bool BuildsGraph => false;

    /// <summary>∂node/∂input for each entry of <see cref="Value.Inputs"/> (same positions; a value used twice appears twice), at the inputs' current data.</summary>
    public static double[] Of(Value.Node node)
    {
        var recorder = new LocalDerivatives(node);
        node.Backward(recorder);

        // Each contribution goes to the first position of its input not yet filled, so that positions line up with
        // Inputs whatever order the chain rule passes them in; a term the chain rule leaves out is 0.
        IReadOnlyList<Value> inputs = node.InputList;
        var derivatives = new double[inputs.Count];
        var filled = new bool[inputs.Count];
        foreach ((Value input, double derivative) in recorder._passed)
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                if (!filled[i] && ReferenceEquals(inputs[i], input))
                {
                    derivatives[i] = derivative;
                    filled[i] = true;
                    break;
                }
            }
        }

        return derivatives;
    }

    public override bool TryGetGradient(Value node, out Scalar gradient)
    {
        gradient = 1.0;
        return ReferenceEquals(node, _node);
    }

    public override void Add(Value input, Scalar contribution) => _passed.Add((input, contribution.Number));
}
