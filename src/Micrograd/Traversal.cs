using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Micrograd;

// micrograd's build_topo: put the graph behind a value in an order where every value comes after the values it was
// computed from. Backward(), Gradients.Of, Compile() and the graph pictures all sort through Traversal.Sort, and
// give the buffers back by disposing what it returns. Nothing here recurses, so a chain of ten million values sorts
// without overflowing the stack, and nothing is allocated once the thread's buffers have grown to the graph's size.
public partial class Value
{
    /// <summary>
    /// Depth-first post-order with an explicit stack. A sort takes two fresh marks: a value is marked "expanded" when
    /// its inputs are pushed (it is pushed again beneath them) and "emitted" when it is popped the second time and
    /// appended to the order. In a DAG a value popped while marked expanded can only be that second entry, and later
    /// duplicates see "emitted", so each value appears once.
    /// </summary>
    internal sealed class Traversal
    {
        // One per thread, with the buffers its earlier sorts grew; a sort inside a sort (in a user's function, say)
        // gets a new one.
        [ThreadStatic] private static Traversal? t_spare;

        // Sorts take fresh marks from one counter, so graphs on different threads never confuse each other.
        private static int s_lastMark;

        private Slot[] _order = new Slot[64];
        private Slot[] _stack = new Slot[64];
        private int _stackUsed;

        /// <summary>
        /// The interior values behind <paramref name="root"/>, each after its inputs and <paramref name="root"/> last, with
        /// their gradients zeroed if asked. Leaves are left out: they pass nothing on. Dispose the result.
        /// </summary>
        public static Sorted Sort(Value root, bool zeroGradients)
        {
            Traversal traversal = t_spare ?? new Traversal();
            t_spare = null;
            return new Sorted(traversal, traversal.Run(root, new Interior(zeroGradients)));
        }

        /// <summary>
        /// Every value behind <paramref name="root"/>, leaves too, numbered as a picture draws them: each after its
        /// inputs, the first operand first. Refuses, before visiting more than <paramref name="limit"/> + 1 values, a
        /// graph that has more. Dispose the result.
        /// </summary>
        public static Sorted SortForPicture(Value root, int limit)
        {
            Traversal traversal = t_spare ?? new Traversal();
            t_spare = null;
            return new Sorted(traversal, traversal.Run(root, new Picture(limit)));
        }

        private int Run<TMode>(Value root, TMode mode)
            where TMode : struct, IMode
        {
            uint expanded = NextMarks(), emitted = expanded + 1;
            Slot[] order = _order, stack = _stack;
            int count = 0, top = 0, stackUsed = 0;
            stack[top++] = root;
            while (top > 0)
            {
                Value node = stack[--top].Value;
                if (node._visitMark == emitted)
                {
                    continue; // a duplicate entry of a value already in the order
                }

                if (node._visitMark == expanded)
                {
                    node._visitMark = emitted;
                    if (mode.ZeroesGradients)
                    {
                        node._grad = 0;
                    }

                    order = Reserve(order, count + 1);
                    order[count++] = node;
                    continue;
                }

                node._visitMark = expanded;
                stack = Reserve(stack, top + 3);
                stack[top++] = node;
                Slot[] grown = stack; // a separate local, so that `stack` itself can stay in a register
                top = mode.PushInputs(node, ref grown, top, expanded);
                stack = grown;
                if (top > stackUsed)
                {
                    stackUsed = top;
                }
            }

            (_order, _stack, _stackUsed) = (order, stack, stackUsed);
            return count;
        }

        /// <summary>How a sort pushes a node's inputs, and whether it zeroes gradients; a struct, so that each mode is compiled on its own.</summary>
        private interface IMode
        {
            bool ZeroesGradients { get; }

            /// <summary>Pushes the inputs of <paramref name="node"/> that need a visit; called once for each value the sort expands.</summary>
            int PushInputs(Value node, ref Slot[] stack, int top, uint expanded);
        }

        /// <summary>
        /// Interior values only, for back-propagation, their gradients zeroed if asked: a unary or binary node's inputs
        /// read from its fields, a wide node's through its lists.
        /// </summary>
        private readonly struct Interior : IMode
        {
            public Interior(bool zeroesGradients) => ZeroesGradients = zeroesGradients;

            public bool ZeroesGradients { get; }

            [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the sort's loop, as the old sort had it
            public int PushInputs(Value node, ref Slot[] stack, int top, uint expanded)
            {
                switch (node._shape)
                {
                    case NodeShape.Unary:
                        return Push(Unsafe.As<UnaryNode>(node).Input, stack, top, expanded);
                    case NodeShape.Binary:
                        var binary = Unsafe.As<BinaryNode>(node);
                        return Push(binary.Right, stack, Push(binary.Left, stack, top, expanded), expanded);
                    default:
                        InputLists lists = Unsafe.As<WideNode>(node).Lists;
                        top = lists.Single is { } single ? Push(single, stack, top, expanded) : top;
                        top = PushAll(lists.First, ref stack, top, expanded);
                        top = PushAll(lists.Second, ref stack, top, expanded);

                        // The rows of one map call share these inputs: one scan per sort is enough. A row expanded later
                        // finds them emitted already, since every value is made after its inputs.
                        if (lists.Shared is { HasComputed: true } shared && shared.ScannedBy != expanded)
                        {
                            shared.ScannedBy = expanded;
                            top = PushAll(shared.Values, ref stack, top, expanded);
                        }

                        return top;
                }
            }
        }

        /// <summary>Leaves too, each node's inputs pushed last first, so that the first operand is numbered first; at most a limit of values.</summary>
        private struct Picture : IMode
        {
            private readonly int _limit;
            private int _visited;

            public Picture(int limit) => (_limit, _visited) = (limit, 0);

            public readonly bool ZeroesGradients => false;

            public int PushInputs(Value node, ref Slot[] stack, int top, uint expanded)
            {
                if (++_visited > _limit)
                {
                    throw new InvalidOperationException(
                        "The graph has more than " + _limit + " values, too many to draw legibly (Value.MaxGraphValues). " +
                        "Draw a smaller part of it, for example one output of a layer.");
                }

                IReadOnlyList<Value> inputs = node.Inputs;
                stack = Reserve(stack, top + inputs.Count + 2);
                for (int i = inputs.Count - 1; i >= 0; i--)
                {
                    stack[top++] = inputs[i]; // one already placed is passed over when popped
                }

                return top;
            }
        }

        // An interior value neither expanded nor emitted by this sort goes on the stack (which has room for it).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Push(Value input, Slot[] stack, int top, uint expanded)
        {
            if (input._shape != NodeShape.Leaf && unchecked(input._visitMark - expanded) > 1)
            {
                stack[top++] = input;
            }

            return top;
        }

        private static int PushAll(Value[]? inputs, ref Slot[] stack, int top, uint expanded)
        {
            if (inputs is not null)
            {
                Slot[] room = stack = Reserve(stack, top + inputs.Length + 2);
                foreach (Value input in inputs)
                {
                    top = Push(input, room, top, expanded);
                }
            }

            return top;
        }

        // The buffer, or a copy at least twice as large when it has less than size entries. The copy is made out of
        // line, so that the sort's loop keeps its arrays in registers.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Slot[] Reserve(Slot[] buffer, int size) => size > buffer.Length ? Grown(buffer, size) : buffer;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Slot[] Grown(Slot[] buffer, int size)
        {
            Array.Resize(ref buffer, Math.Max(size, buffer.Length * 2));
            return buffer;
        }

        // New values start with mark 0. Marks come in pairs (even, odd), so neither is ever 0; the counter comes round
        // after 2^31 sorts.
        private static uint NextMarks()
        {
            uint mark;
            do
            {
                mark = unchecked((uint)Interlocked.Add(ref s_lastMark, 2));
            }
            while (mark == 0);
            return mark;
        }

        /// <summary>Forgets the last sort's values, so that its graph can be collected, and keeps the buffers for the thread's next sort.</summary>
        private void Return(int count)
        {
            _order = Emptied(_order, count);
            _stack = Emptied(_stack, _stackUsed);
            _stackUsed = 0;
            t_spare = this;
        }

        // A buffer cleared for the next sort, or a new small one in place of one that grew very large, so that a huge
        // graph's buffers are not kept for the life of the thread.
        private static Slot[] Emptied(Slot[] buffer, int used)
        {
            if (buffer.Length > 1 << 20)
            {
                return new Slot[64];
            }

            Array.Clear(buffer, 0, used);
            return buffer;
        }

        /// <summary>The values of one sort, in order; disposing it gives the traversal back.</summary>
        internal readonly struct Sorted : IDisposable
        {
            private readonly Traversal _traversal;
            private readonly Slot[] _order;

            public Sorted(Traversal traversal, int count) => (_traversal, _order, Count) = (traversal, traversal._order, count);

            public int Count { get; }

            public Value this[int index] => _order[index].Value;

            /// <summary>The value at <paramref name="index"/> of a sort of interior values, as the node it is.</summary>
            public Node Node(int index) => Unsafe.As<Node>(_order[index].Value);

            public void Dispose() => _traversal.Return(Count);
        }
    }

    /// <summary>
    /// An element of the traversal's arrays. Value is not sealed (its node types derive from it), so storing one in a
    /// Value[] costs a covariant type check per store; storing a struct that holds it costs nothing.
    /// </summary>
    private struct Slot
    {
        public Value Value;

        public static implicit operator Slot(Value value) => new() { Value = value };
    }
}
