using System.Collections.Generic;

namespace Micrograd;

public partial class Value
{
    /// <summary>
    /// The base of every operation's node type: a value with inputs. Each member a node must provide is
    /// abstract here, so a node type that forgets one does not compile.
    /// </summary>
    private abstract class Node : Value
    {
        protected Node(double data)
            : base(data, isInterior: true)
        {
        }

        private protected abstract override string OperatorName { get; }

        private protected abstract override IReadOnlyList<Value> InputList { get; }

        private protected abstract override void PropagateToInputs();

        private protected abstract override void Recompute();

        private protected abstract override int PushInputs(ref Value[] stack, int top, uint expanded);
    }
}
