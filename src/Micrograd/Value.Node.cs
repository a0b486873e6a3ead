using System.Collections.Generic;

namespace Micrograd;

public partial class Value
{
    /// <summary>Which node types the traversal reads directly (their inputs are fields); any other asks the node.</summary>
    private enum NodeShape : byte
    {
        Leaf,
        Unary,
        Binary,
        Other,
    }

    /// <summary>
    /// An element of the traversal's arrays. Value is not sealed (its node types derive from it), so storing one
    /// in a Value[] costs a covariant type check per store; storing a struct that holds it costs nothing.
    /// </summary>
    private protected struct Slot
    {
        public Value Value;

        public static implicit operator Slot(Value value) => new() { Value = value };
    }

    /// <summary>
    /// The base of every operation's node type: a value with inputs. Each member a node must provide is
    /// abstract here, so a node type that forgets one does not compile.
    /// </summary>
    private abstract class Node : Value
    {
        protected Node(double data, NodeShape shape)
            : base(data, shape)
        {
        }

        private protected abstract override string OperatorName { get; }

        private protected abstract override IReadOnlyList<Value> InputList { get; }

        private protected abstract override void PropagateToInputs();

        private protected abstract override void Recompute();

        /// <summary>
        /// ∂this/∂input for each entry of <see cref="Inputs"/> at the inputs' current data, from the operation's own
        /// definition, and the formula a person reads (for the interactive graph page).
        /// </summary>
        public abstract double[] LocalDerivatives(out string formula);

        /// <summary>
        /// The chain rule at this node for <see cref="Gradients.Of"/>: adds <paramref name="gradient"/> times
        /// ∂this/∂input to each input's entry in <paramref name="adjoints"/>, reading this node's operands through
        /// <see cref="Adjoints.Operand"/>, so that the same derivative gives numbers or a new graph.
        /// </summary>
        public abstract void PropagateToInputs(Scalar gradient, Adjoints adjoints);
    }

    /// <summary>
    /// A node with any number of inputs (a sum, a dot product, an affine row, an operation of your own). The
    /// traversal reads the input of a unary node and the two of a binary node itself, and asks any other node to
    /// push its own.
    /// </summary>
    private abstract class WideNode : Node
    {
        protected WideNode(double data)
            : base(data, NodeShape.Other)
        {
        }

        /// <summary>
        /// Pushes the inputs that a traversal has not reached yet (<see cref="NeedsVisit"/>) onto its stack, growing
        /// it if they might not fit.
        /// </summary>
        /// <returns>The new top of the stack.</returns>
        public abstract int PushInputs(ref Slot[] stack, int top, uint expanded);
    }

    /// <summary>The local derivative of <paramref name="interior"/>, an interior value, with respect to each of its inputs.</summary>
    internal static double[] LocalDerivativesOf(Value interior, out string formula) => ((Node)interior).LocalDerivatives(out formula);

    /// <summary>
    /// Reverse-mode differentiation into <paramref name="adjoints"/> rather than <see cref="Grad"/>: seeds
    /// <paramref name="root"/> with 1, then lets each interior value, in <see cref="Backward"/>'s order, pass its
    /// gradient to its inputs by its own chain rule.
    /// </summary>
    internal static void Sweep(Value root, Adjoints adjoints)
    {
        adjoints.Add(root, 1.0);
        if (!root._isInterior)
        {
            return;
        }

        Traversal traversal = Traversal.Rent();
        int count = 0;
        try
        {
            count = traversal.Sort(root, zeroGradients: false);
            Slot[] order = traversal.Order;
            for (int i = count - 1; i >= 0; i--)
            {
                Value value = order[i].Value;
                if (adjoints.TryGet(value, out Scalar gradient))
                {
                    ((Node)value).PropagateToInputs(gradient, adjoints);
                }
            }
        }
        finally
        {
            traversal.Return(count);
        }
    }

    /// <summary>The interior values behind <paramref name="root"/> in the order <see cref="Backward"/> passes their gradients on: the root first.</summary>
    internal static List<Value> BackwardOrder(Value root)
    {
        var order = new List<Value>();
        if (!root._isInterior)
        {
            return order;
        }

        Traversal traversal = Traversal.Rent();
        int count = 0;
        try
        {
            count = traversal.Sort(root, zeroGradients: false);
            for (int i = count - 1; i >= 0; i--)
            {
                order.Add(traversal.Order[i].Value);
            }

            return order;
        }
        finally
        {
            traversal.Return(count);
        }
    }
}
