using System.Collections.Generic;

namespace Micrograd.Pictures;

/// <summary>
/// An operation's local derivatives as the graph page shows them: the node's own chain rule run with a gradient of 1,
/// recording what it passes to each input. Nothing else in the graph is read or changed.
/// </summary>
internal static class LocalDerivatives
{
    /// <summary>∂node/∂input for each entry of <see cref="Value.Inputs"/> (same positions; a value used twice appears twice), at the inputs' current data.</summary>
    public static double[] Of(Value.Node node)
    {
        var passed = new List<(Value Input, double Contribution)>();
        Adjoints recording = Adjoints.Recording(passed);
        recording.Add(node, 1.0);
        passed.Clear();
        node.Backward(recording);

        // Each contribution goes to the first position of its input not yet filled, so that positions line up with
        // Inputs whatever order the chain rule passes them in; a term the chain rule leaves out is 0.
        IReadOnlyList<Value> inputs = node.InputList;
        var derivatives = new double[inputs.Count];
        var filled = new bool[inputs.Count];
        foreach ((Value input, double derivative) in passed)
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
}
