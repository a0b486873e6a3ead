using System;
using System.Threading;

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

        private Value[] _stack = new Value[64];
        private int _stackUsed;

        public Value[] Order { get; private set; } = new Value[64];

        /// <summary>
        /// Fills <see cref="Order"/> with the interior values <paramref name="root"/> depends on, itself last,
        /// each after all of its inputs, and zeroes their gradients. Leaves are left out: they pass nothing on,
        /// and their gradients accumulate.
        /// </summary>
        /// <remarks>
        /// Depth-first post-order with an explicit stack of values. A traversal takes two fresh marks: a value is
        /// marked "expanded" when its inputs are pushed (it is pushed again beneath them) and "emitted" when it is
        /// popped the second time and appended to the order. In a DAG a value that is popped while marked expanded
        /// can only be that second entry, and later duplicates see "emitted", so each value appears exactly once.
        /// </remarks>
        /// <returns>How many values were placed in <see cref="Order"/>.</returns>
        public int Sort(Value root)
        {
            uint expanded = NextMarks();
            uint emitted = expanded + 1;
            Value[] order = Order;
            Value[] stack = _stack;
            int count = 0;
            int top = 0;
            int stackUsed = 0;
            stack[top++] = root;
            while (top > 0)
            {
                Value node = stack[--top];
                uint mark = node._visitMark;
                if (mark == emitted)
                {
                    continue; // a duplicate entry of a value already in the order
                }

                if (mark == expanded)
                {
                    node._visitMark = emitted;
                    node._grad = 0;
                    if (count == order.Length)
                    {
                        Array.Resize(ref order, order.Length * 2);
                    }

                    order[count++] = node;
                    continue;
                }

                node._visitMark = expanded;
                if (node._operation == Operation.Neuron)
                {
                    // Weights are parameters (leaves): only the bias and the shared inputs can need a visit.
                    var call = (NeuronLayerCall)node._right!;
                    int needed = top + 2 + call.Inputs.Length;
                    if (needed > stack.Length)
                    {
                        Array.Resize(ref stack, Math.Max(needed, stack.Length * 2));
                    }

                    stack[top++] = node;
                    Value bias = call.Layer.Biases[node._index];
                    if (bias.NeedsVisit(expanded))
                    {
                        stack[top++] = bias;
                    }

                    // The layer's other neurons share these inputs: scanning them once per traversal is enough.
                    // Any neuron of the call expanded later finds them emitted, since in a DAG nothing pushed
                    // while expanding one neuron can lead back to another neuron that reads the same inputs.
                    if (call.InputsHaveInterior && call.ScannedMark != expanded)
                    {
                        call.ScannedMark = expanded;
                        top = PushUnvisited(call.Inputs, stack, top, expanded);
                    }
                }
                else if (node._operation >= Operation.Sum)
                {
                    var nary = (NaryInputs)node._right!;
                    int needed = top + 1 + nary.Left.Length + (nary.Right?.Length ?? 0);
                    if (needed > stack.Length)
                    {
                        Array.Resize(ref stack, Math.Max(needed, stack.Length * 2));
                    }

                    stack[top++] = node;
                    if (nary.LeftHasInterior)
                    {
                        top = PushUnvisited(nary.Left, stack, top, expanded);
                    }

                    if (nary.RightHasInterior)
                    {
                        top = PushUnvisited(nary.Right!, stack, top, expanded);
                    }
                }
                else
                {
                    if (top + 3 > stack.Length)
                    {
                        Array.Resize(ref stack, stack.Length * 2);
                    }

                    stack[top++] = node;
                    Value? left = node._left;
                    if (left is not null && left.NeedsVisit(expanded))
                    {
                        stack[top++] = left;
                    }

                    var right = (Value?)node._right; // a constant exponent is a leaf, so it is never pushed
                    if (right is not null && right.NeedsVisit(expanded))
                    {
                        stack[top++] = right;
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
                _stack = new Value[64];
            }
            else
            {
                Array.Clear(_stack, 0, _stackUsed);
            }

            _stackUsed = 0;
        }

        private static int PushUnvisited(Value[] inputs, Value[] stack, int top, uint expanded)
        {
            foreach (Value input in inputs)
            {
                if (input.NeedsVisit(expanded))
                {
                    stack[top++] = input;
                }
            }

            return top;
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
        _operation != Operation.Leaf && unchecked(_visitMark - expanded) > 1;
}
