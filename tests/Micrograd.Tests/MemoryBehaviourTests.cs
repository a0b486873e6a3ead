using System.Runtime.CompilerServices;

namespace Micrograd.Tests;

/// <summary>
/// Backward keeps its scratch buffers on the thread for the next call: that must cost no memory per node in a
/// training step, and must not keep the last graph alive once the caller has let go of it.
/// </summary>
public sealed class MemoryBehaviourTests
{
    [Fact]
    public void A_graph_becomes_collectable_once_Backward_returns_and_the_caller_drops_it()
    {
        var leaves = Enumerable.Range(0, 8).Select(i => new Value(0.1 * (i + 1))).ToArray();

        List<WeakReference> interior = BuildBackwardAndForget(leaves);

        interior.Should().HaveCountGreaterThan(1000);
        leaves[0].Grad.Should().NotBe(0, "Backward ran");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        interior.Count(reference => reference.IsAlive).Should().Be(0, "nothing but the caller held the interior values");
        GC.KeepAlive(leaves);
    }

    [Fact]
    public void A_second_Backward_in_a_training_step_allocates_nothing()
    {
        var leaves = Enumerable.Range(0, 8).Select(i => new Value(0.1 * (i + 1))).ToArray();
        Value loss = TrainingGraph(leaves);
        InteriorValues(loss).Should().HaveCountGreaterThan(10_000);

        loss.Backward(); // grows this thread's buffers to the graph's size
        double firstGradient = leaves[3].Grad;
        foreach (Value leaf in leaves)
        {
            leaf.Grad = 0;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        loss.Backward();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
        leaves[3].Grad.Should().Be(firstGradient);
    }

    // Builds, back-propagates and drops a graph of every node shape; returns weak references to its interior values.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> BuildBackwardAndForget(Value[] leaves)
    {
        Value loss = TrainingGraph(leaves);
        loss.Backward();
        var references = InteriorValues(loss).Select(value => new WeakReference(value)).ToList();
        return references;
    }

    private static List<Value> InteriorValues(Value root)
    {
        var found = new List<Value>();
        var seen = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Value>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            Value value = pending.Pop();
            if (value.IsLeaf || !seen.Add(value))
            {
                continue;
            }

            found.Add(value);
            foreach (Value input in value.Inputs)
            {
                pending.Push(input);
            }
        }

        return found;
    }

    /// <summary>
    /// A network-shaped graph with every kind of node: affine layers whose rows share wide inputs, sums and dot
    /// products over hundreds of computed values, binary and unary operations and a user-defined operation.
    /// </summary>
    private static Value TrainingGraph(Value[] leaves)
    {
        var random = new Random(7);
        Value[] Row(int n) => Enumerable.Range(0, n).Select(_ => new Value(random.NextDouble() - 0.5)).ToArray();

        Value[] hidden = Enumerable.Range(0, 300).Select(i => (leaves[i % leaves.Length] * (0.01 * i)).Tanh()).ToArray();
        var layer1 = new AffineMap(Enumerable.Range(0, 200).Select(_ => Row(300)).ToArray(), Row(200), UnaryOperation.Relu);
        Value[] first = layer1.Apply(hidden);
        var layer2 = new AffineMap(Enumerable.Range(0, 100).Select(_ => Row(200)).ToArray(), Row(100), UnaryOperation.Tanh);
        Value[] second = layer2.Apply(first);
        Value[] squares = second.Select(v => v * v).ToArray();
        Value sum = Value.Sum(squares) + Value.Dot(first, Enumerable.Range(0, 200).Select(i => hidden[i].Exp()).ToArray());
        Value custom = Value.Function("half", [sum], 0.5 * sum.Data, [0.5]);
        Value total = custom;
        for (int i = 0; i < 9000; i++)
        {
            total = (total + leaves[i % leaves.Length]).Sigmoid() - hidden[i % hidden.Length];
        }

        return total;
    }
}
