using System.Collections.Generic;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// The base of every operation's node type: a value with inputs. Each member a node must provide is
    /// abstract here, so a node type that forgets one does not compile.
    /// </summary>
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

    private abstract class Node : Value
    {
        protected Node(double data, NodeShape shape = NodeShape.Other)
            : base(data, shape)
        {
        }

        private protected abstract override string OperatorName { get; }

        private protected abstract override IReadOnlyList<Value> InputList { get; }

        private protected abstract override void PropagateToInputs();

        private protected abstract override void Recompute();

        private protected abstract override int PushInputs(ref Slot[] stack, int top, uint expanded);
    }
}
