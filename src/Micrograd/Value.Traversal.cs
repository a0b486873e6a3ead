using System;

namespace Micrograd;

public sealed partial class Value
{
    /// <summary>
    /// Puts a graph in topological order without recursion, reusing its buffers from one call to the next.
    /// </summary>
    private sealed class Traversal
    {
        // Buffers larger than this are dropped after use instead of being kept for the next call.
        private const int RetainedBufferLimit = 1 << 20;

        private Frame[] _stack = new Frame[64];
        private int _stackUsed;

        public Value[] Order { get; private set; } = new Value[64];

        /// <summary>
        /// Fills <see cref="Order"/> with every value <paramref name="root"/> depends on, itself last, each
        /// after all of its inputs. Depth-first post-order with an explicit stack; a node is expanded once per
        /// traversal, recognised by its visit mark, so shared sub-expressions appear once.
        /// </summary>
        /// <returns>How many values were placed in <see cref="Order"/>.</returns>
        public int Sort(Value root)
        {
            uint mark = NextVisitMark();
            Value[] order = Order;
            Frame[] stack = _stack;
            int count = 0;
            int top = 0;
            int stackUsed = 0;
            stack[top++] = new Frame(root, expanded: false);
            while (top > 0)
            {
                Frame frame = stack[--top];
                Value node = frame.Node;
                if (frame.Expanded)
                {
                    if (count == order.Length)
                    {
                        Array.Resize(ref order, order.Length * 2);
                    }

                    order[count++] = node;
                    continue;
                }

                if (node._visitMark == mark)
                {
                    continue; // reached again through another path
                }

                node._visitMark = mark;

                // Make room for the node itself and all of its inputs.
                Value[]? naryInputs = node._operation >= Operation.Sum ? ((NaryInputs)node._extra!).Values : null;
                int needed = top + 1 + (naryInputs?.Length ?? 2);
                if (needed > stack.Length)
                {
                    Array.Resize(ref stack, Math.Max(needed, stack.Length * 2));
                }

                stack[top++] = new Frame(node, expanded: true);
                if (naryInputs is not null)
                {
                    foreach (Value input in naryInputs)
                    {
                        if (input._visitMark != mark)
                        {
                            stack[top++] = new Frame(input, expanded: false);
                        }
                    }
                }
                else
                {
                    Value? left = node._left;
                    if (left is not null && left._visitMark != mark)
                    {
                        stack[top++] = new Frame(left, expanded: false);
                    }

                    Value? right = node._right;
                    if (right is not null && node._operation != Operation.PowerConstant && right._visitMark != mark)
                    {
                        stack[top++] = new Frame(right, expanded: false);
                    }
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

        /// <summary>Forgets the graph so it can be collected, and drops buffers that grew very large.</summary>
        public void Release(int count)
        {
            if (Order.Length > RetainedBufferLimit)
            {
                Order = new Value[64];
            }
            else
            {
                Array.Clear(Order, 0, count);
            }

            if (_stack.Length > RetainedBufferLimit)
            {
                _stack = new Frame[64];
            }
            else
            {
                Array.Clear(_stack, 0, _stackUsed);
            }

            _stackUsed = 0;
        }

        private static uint NextVisitMark()
        {
            // New values start with mark 0, so 0 is never handed out (it comes round after 2^32 traversals).
            uint mark;
            do
            {
                mark = unchecked((uint)System.Threading.Interlocked.Increment(ref s_lastVisitMark));
            }
            while (mark == 0);
            return mark;
        }
    }

    private readonly struct Frame
    {
        public Frame(Value node, bool expanded)
        {
            Node = node;
            Expanded = expanded;
        }

        public Value Node { get; }

        public bool Expanded { get; }
    }
}
