using System;
using System.Collections.Generic;
#if NET
using System.Runtime.CompilerServices;
#endif
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
            return new Sorted(traversal, zeroGradients ? traversal.Run(root, new ZeroingGradients()) : traversal.Run(root, new Interior()));
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
            uint expanded = NextMarks();
            uint emitted = expanded + 1;
            Slot[] order = _order;
            Slot[] stack = _stack;
            int count = 0;
            int top = 0;
            int stackUsed = 0;
            int visited = 0;
            try
            {
                stack[top++] = root;
                while (top > 0)
                {
                    Value node = stack[--top].Value;
                    uint mark = node._visitMark;
                    if (mark == emitted)
                    {
                        continue; // a duplicate entry of a value already in the order
                    }

                    if (mark == expanded)
                    {
                        node._visitMark = emitted;
                        if (mode.ZeroesGradients)
                        {
                            node._grad = 0;
                        }

                        if (count == order.Length)
                        {
                            Array.Resize(ref order, order.Length * 2);
                        }

                        order[count++] = node;
                        continue;
                    }

                    if (mode.Limit < int.MaxValue && ++visited > mode.Limit)
                    {
                        throw new InvalidOperationException(
                            "The graph has more than " + mode.Limit + " values, too many to draw legibly (Value.MaxGraphValues). " +
                            "Draw a smaller part of it, for example one output of a layer.");
                    }

                    node._visitMark = expanded;
                    stack = Reserve(stack, top + 3);
                    stack[top++] = node;
                    top = mode.PushInputs(node, ref stack, top, expanded);
                    if (top > stackUsed)
                    {
                        stackUsed = top;
                    }
                }
            }
            finally
            {
                _order = order;
                _stack = stack;
                _stackUsed = Math.Max(stackUsed, top);
            }

            return count;
        }

        /// <summary>What a sort visits, and in which order it pushes inputs; a struct, so that each mode is compiled on its own.</summary>
        private interface IMode
        {
            bool ZeroesGradients { get; }

            /// <summary>The most values the sort may visit; <see cref="int.MaxValue"/> for no limit.</summary>
            int Limit { get; }

            int PushInputs(Value node, ref Slot[] stack, int top, uint expanded);
        }

        /// <summary>Interior values only, for back-propagation: a unary or binary node's inputs read from its fields, a wide node's through its lists.</summary>
        private readonly struct Interior : IMode
        {
            public bool ZeroesGradients => false;

            public int Limit => int.MaxValue;

            public int PushInputs(Value node, ref Slot[] stack, int top, uint expanded)
            {
                switch (node._shape)
                {
                    case NodeShape.Unary:
                        Value input = Unsafe.As<UnaryNode>(node).Input;
                        if (input.NeedsVisit(expanded))
                        {
                            stack[top++] = input;
                        }

                        return top;
                    case NodeShape.Binary:
                        var binary = Unsafe.As<BinaryNode>(node);
                        if (binary.Left.NeedsVisit(expanded))
                        {
                            stack[top++] = binary.Left;
                        }

                        if (binary.Right.NeedsVisit(expanded))
                        {
                            stack[top++] = binary.Right;
                        }

                        return top;
                    default:
                        return PushLists(Unsafe.As<WideNode>(node).Lists, ref stack, top, expanded);
                }
            }
        }

        /// <summary>As <see cref="Interior"/>, zeroing each value's gradient as it is placed: what <see cref="Backward"/> needs.</summary>
        private readonly struct ZeroingGradients : IMode
        {
            public bool ZeroesGradients => true;

            public int Limit => int.MaxValue;

            public int PushInputs(Value node, ref Slot[] stack, int top, uint expanded) => default(Interior).PushInputs(node, ref stack, top, expanded);
        }

        /// <summary>Leaves too, every input pushed in reverse so that the first operand is numbered first; at most a limit.</summary>
        private readonly struct Picture : IMode
        {
            private readonly int _limit;

            public Picture(int limit) => _limit = limit;

            public bool ZeroesGradients => false;

            public int Limit => _limit;

            public int PushInputs(Value node, ref Slot[] stack, int top, uint expanded)
            {
                IReadOnlyList<Value> inputs = node.Inputs;
                stack = Reserve(stack, top + inputs.Count + 2);
                for (int i = inputs.Count - 1; i >= 0; i--)
                {
                    if (inputs[i]._visitMark != expanded + 1)
                    {
                        stack[top++] = inputs[i];
                    }
                }

                return top;
            }
        }

        private static int PushLists(in InputLists lists, ref Slot[] stack, int top, uint expanded)
        {
            if (lists.Single is { } single && single.NeedsVisit(expanded))
            {
                stack[top++] = single;
            }

            if (lists.First is { } first)
            {
                top = PushUnvisited(first, ref stack, top, expanded);
            }

            if (lists.Second is { } second)
            {
                top = PushUnvisited(second, ref stack, top, expanded);
            }

            // The nodes that share these inputs (the rows of one map call) need them scanned once per sort. A node
            // expanded later finds them emitted already: every value is made after its inputs, so nothing reachable
            // from them can be one of those nodes.
            if (lists.Shared is { HasComputed: true } shared && shared.ScannedBy != expanded)
            {
                shared.ScannedBy = expanded;
                top = PushUnvisited(shared.Values, ref stack, top, expanded);
            }

            return top;
        }

        private static int PushUnvisited(Value[] inputs, ref Slot[] stack, int top, uint expanded)
        {
            stack = Reserve(stack, top + inputs.Length + 2);
            foreach (Value input in inputs)
            {
                if (input.NeedsVisit(expanded))
                {
                    stack[top++] = input;
                }
            }

            return top;
        }

        private static Slot[] Reserve(Slot[] stack, int size)
        {
            if (size > stack.Length)
            {
                Array.Resize(ref stack, Math.Max(size, stack.Length * 2));
            }

            return stack;
        }

        private static uint NextMarks()
        {
            // New values start with mark 0. Marks come in pairs (even, odd), so neither is ever 0; the counter comes
            // round after 2^31 sorts.
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
            // Buffers that grew very large are dropped rather than kept for the life of the thread.
            const int retainedLimit = 1 << 20;
            if (_order.Length > retainedLimit)
            {
                _order = new Slot[64];
            }
            else
            {
                Array.Clear(_order, 0, count);
            }

            if (_stack.Length > retainedLimit)
            {
                _stack = new Slot[64];
            }
            else
            {
                Array.Clear(_stack, 0, _stackUsed);
            }

            _stackUsed = 0;
            t_spare = this;
        }

        /// <summary>The values of one sort, in order; disposing it gives the traversal back.</summary>
        internal readonly struct Sorted : IDisposable
        {
            private readonly Traversal _traversal;

            public Sorted(Traversal traversal, int count)
            {
                _traversal = traversal;
                Count = count;
            }

            public int Count { get; }

            public Value this[int index] => _traversal._order[index].Value;

            /// <summary>The value at <paramref name="index"/> of a sort of interior values, as the node it is.</summary>
            public Node Node(int index) => Unsafe.As<Node>(_traversal._order[index].Value);

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

    /// <summary>
    /// Inputs that several nodes share (those of one <see cref="AffineMap.Apply"/>, which every row takes): the
    /// traversal scans them once per sort.
    /// </summary>
    internal sealed class SharedInputs
    {
        public SharedInputs(Value[] values)
        {
            Values = values;
            HasComputed = HasComputedValue(values);
        }

        public Value[] Values { get; }

        public bool HasComputed { get; }

        /// <summary>The sort that last scanned them.</summary>
        internal uint ScannedBy;
    }

    /// <summary>What the traversal reads of a wide node's inputs: up to one value and three lists, leaving out lists of leaves only.</summary>
    internal readonly struct InputLists
    {
        public InputLists(Value? single = null, Value[]? first = null, Value[]? second = null, SharedInputs? shared = null)
        {
            Single = single;
            First = first;
            Second = second;
            Shared = shared;
        }

        public Value? Single { get; }

        public Value[]? First { get; }

        public Value[]? Second { get; }

        public SharedInputs? Shared { get; }
    }

    /// <summary>Whether any of <paramref name="values"/> was computed by an operation: a list of leaves only needs no visit.</summary>
    internal static bool HasComputedValue(Value[] values) => Array.Exists(values, value => value._shape != NodeShape.Leaf);

    // An interior value neither expanded nor emitted by the sort whose first mark is `expanded`.
    private bool NeedsVisit(uint expanded) =>
        _shape != NodeShape.Leaf && unchecked(_visitMark - expanded) > 1;

#if !NET
    /// <summary>netstandard2.0 has no System.Runtime.CompilerServices.Unsafe: an ordinary cast does the same.</summary>
    private static class Unsafe
    {
        public static T As<T>(object value)
            where T : class => (T)value;
    }
#endif
}
