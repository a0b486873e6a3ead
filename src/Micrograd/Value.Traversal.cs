using System;
#if NET
using System.Runtime.CompilerServices;
#endif
using System.Threading;

namespace Micrograd;

public partial class Value
{
    // The scratch buffers of every sort on a thread (Backward, Gradients.Of, Compile), reused so that a training
    // step allocates nothing here; see Traversal.Rent.
    [System.ThreadStatic] private static Traversal? t_traversal;

    /// <summary>
    /// Puts a graph in topological order without recursion, reusing its buffers from one call to the next.
    /// </summary>
    private sealed class Traversal
    {
        // Buffers larger than this are dropped after use instead of being kept for the next call.
        private const int RetainedBufferLimit = 1 << 20;

        private Slot[] _stack = new Slot[64];
        private int _stackUsed;

        public Slot[] Order { get; private set; } = new Slot[64];

        /// <summary>
        /// Fills <see cref="Order"/> with the interior values <paramref name="root"/> depends on, itself last,
        /// each after all of its inputs, and zeroes their gradients unless told not to. Leaves are left out: they pass nothing on,
        /// and their gradients accumulate.
        /// </summary>
        /// <remarks>
        /// Depth-first post-order with an explicit stack of values. A traversal takes two fresh marks: a value is
        /// marked "expanded" when its inputs are pushed (it is pushed again beneath them) and "emitted" when it is
        /// popped the second time and appended to the order. In a DAG a value that is popped while marked expanded
        /// can only be that second entry, and later duplicates see "emitted", so each value appears exactly once.
        /// </remarks>
        /// <returns>How many values were placed in <see cref="Order"/>.</returns>
        public int Sort(Value root, bool zeroGradients = true)
        {
            uint expanded = NextMarks();
            uint emitted = expanded + 1;
            Slot[] order = Order;
            Slot[] stack = _stack;
            int count = 0;
            int top = 0;
            int stackUsed = 0;
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
                    if (zeroGradients)
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

                node._visitMark = expanded;
                if (top + 3 > stack.Length)
                {
                    Array.Resize(ref stack, stack.Length * 2);
                }

                stack[top++] = node;
                switch (node._shape)
                {
                    case NodeShape.Unary:
                        Value input = Unsafe.As<UnaryNode>(node).Input;
                        if (input.NeedsVisit(expanded))
                        {
                            stack[top++] = input;
                        }

                        break;
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

                        break;
                    default:
                        Slot[] grown = stack; // a separate local, so that `stack` itself can stay in a register
                        top = Unsafe.As<WideNode>(node).PushInputs(ref grown, top, expanded);
                        stack = grown;
                        break;
                }

                if (top > stackUsed)
                {
                    stackUsed = top;
                }
            }

            Order = order;
            _stack = stack;
            _stackUsed = stackUsed;
            return count;
        }

        /// <summary>
        /// This thread's traversal, with the buffers its earlier sorts grew, claimed until <see cref="Return"/>; a new
        /// one if the thread's is in use (a sort inside a user's function, say) or was never made.
        /// </summary>
        public static Traversal Rent()
        {
            Traversal traversal = t_traversal ?? new Traversal();
            t_traversal = null;
            return traversal;
        }

        /// <summary>
        /// Forgets the graph of the last sort (<paramref name="count"/> values) so that it can be collected, drops
        /// buffers that grew very large, and keeps the rest for the thread's next sort.
        /// </summary>
        public void Return(int count)
        {
            if (Order.Length > RetainedBufferLimit)
            {
                Order = new Slot[64];
            }
            else
            {
                Array.Clear(Order, 0, count);
            }

            if (_stack.Length > RetainedBufferLimit)
            {
                _stack = new Slot[64];
            }
            else
            {
                Array.Clear(_stack, 0, _stackUsed);
            }

            _stackUsed = 0;
            t_traversal = this;
        }


        private static uint NextMarks()
        {
            // New values start with mark 0. Marks come in pairs (even, odd), so neither is ever 0; the counter
            // comes round after 2^31 traversals.
            uint mark;
            do
            {
                mark = unchecked((uint)Interlocked.Add(ref s_lastVisitMark, 2));
            }
            while (mark == 0);
            return mark;
        }
    }

    // An interior value neither expanded nor emitted by the traversal whose first mark is `expanded`.
    private bool NeedsVisit(uint expanded) =>
        _isInterior && unchecked(_visitMark - expanded) > 1;

    /// <summary>
    /// For a node with many inputs: pushes those of <paramref name="inputs"/> that need a visit, growing the
    /// stack first so that all of them fit.
    /// </summary>
    private static int PushUnvisited(Value[] inputs, ref Slot[] stack, int top, uint expanded)
    {
        if (top + inputs.Length + 2 > stack.Length)
        {
            Array.Resize(ref stack, Math.Max(top + inputs.Length + 2, stack.Length * 2));
        }

        foreach (Value input in inputs)
        {
            if (input.NeedsVisit(expanded))
            {
                stack[top++] = input;
            }
        }

        return top;
    }

#if !NET
    /// <summary>netstandard2.0 has no System.Runtime.CompilerServices.Unsafe: an ordinary cast does the same.</summary>
    private static class Unsafe
    {
        public static T As<T>(object value)
            where T : class => (T)value;
    }
#endif
}
