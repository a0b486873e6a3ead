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

    [Fact]
    public void A_graph_becomes_collectable_once_the_program_compiled_from_it_is_dropped()
    {
        var leaves = Enumerable.Range(0, 8).Select(i => new Value(0.1 * (i + 1))).ToArray();

        List<WeakReference> interior = CompileReplayAndForget(leaves);

        interior.Should().HaveCountGreaterThan(1000);
        leaves[0].Grad.Should().NotBe(0, "the program back-propagated");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        interior.Count(reference => reference.IsAlive).Should().Be(0, "nothing but the caller and the program held the interior values");
        GC.KeepAlive(leaves);
    }

    [Fact]
    public void Compiling_again_allocates_only_the_program()
    {
        // Compile sorts the graph with this thread's traversal buffers, as Backward does; once they have grown to
        // the graph's size, a compilation allocates the program's array of values and the program object.
        var leaves = Enumerable.Range(0, 8).Select(i => new Value(0.1 * (i + 1))).ToArray();
        Value output = UngroupedGraph(leaves);
        int count = output.Compile().Count;
        count.Should().BeGreaterThan(10_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        CompiledGraph program = output.Compile();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        program.Count.Should().Be(count);
        allocated.Should().BeLessThan(8L * count + 1_000, "an array of {0} references and one small object", count);
    }

    [Fact]
    public void Gradients_Of_with_numbers_allocates_only_its_results()
    {
        // The sweep reuses the thread's traversal and its table of gradients, and without createGraph every
        // derivative is a number: nothing is allocated per value of the graph.
        var leaves = Enumerable.Range(0, 8).Select(i => new Value(0.1 * (i + 1))).ToArray();
        Value output = UngroupedGraph(leaves);
        double first = Gradients.Of(output, leaves)[3].Data; // grows this thread's buffers to the graph's size

        long before = GC.GetAllocatedBytesForCurrentThread();
        IReadOnlyList<Value> gradients = Gradients.Of(output, leaves);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        gradients[3].Data.Should().Be(first);
        allocated.Should().BeLessThan(2_000, "eight new leaves and the list that holds them");
    }

    [Fact]
    public void Drawing_the_graph_page_gives_the_threads_scratch_buffers_back()
    {
        // The page asks for Backward's order with the same traversal; if it kept it, the next Backward would
        // have to allocate new buffers.
        var x = new Value(0.5);
        Value y = x;
        for (int i = 0; i < 50; i++)
        {
            y = (y * x + 1).Tanh();
        }

        y.Backward();
        y.ToHtml().Should().Contain("\"order\":[");

        long before = GC.GetAllocatedBytesForCurrentThread();
        y.Backward();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
    }

    [Fact]
    public void Buffers_of_up_to_a_million_values_are_kept_for_the_next_Backward()
    {
        // A chain of 600,000 values needs an order of 600,000 and a traversal stack as deep: both buffers grow
        // to 2^20 entries, the most that is kept.
        var x = new Value(1.0);
        Value y = x;
        for (int i = 0; i < 600_000; i++)
        {
            y = -y;
        }

        y.Backward();
        long before = GC.GetAllocatedBytesForCurrentThread();
        y.Backward();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
        x.Grad.Should().Be(2.0);
    }

    [Fact]
    public void An_order_of_more_than_a_million_values_is_not_kept_after_Backward()
    {
        // A balanced tree of additions over 2^20 products: an order of 2^21 - 1 values, but a traversal stack
        // only about 40 deep.
        var x = new Value(1.0);
        Value y = BalancedSum(x, 20);
        y.Backward();
        x.Grad.Should().Be(1 << 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        y.Backward();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeGreaterThanOrEqualTo((1L << 21) * IntPtr.Size, "the order's buffer was given back and had to grow again");
        x.Grad.Should().Be(2 << 20);
    }

    [Fact]
    public void A_traversal_stack_of_more_than_a_million_entries_is_not_kept_after_Backward()
    {
        // One sum of the same value 1,100,000 times: every copy goes on the stack, but the order holds two values.
        var x = new Value(1.0);
        Value y = Value.Sum(Enumerable.Repeat(x * 2.0, 1_100_000));
        y.Backward();
        x.Grad.Should().Be(2.2e6);

        long before = GC.GetAllocatedBytesForCurrentThread();
        y.Backward();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeGreaterThanOrEqualTo(1_100_000L * IntPtr.Size, "the stack was given back and had to grow again");
        x.Grad.Should().Be(4.4e6);
    }

    // Nodes with many inputs grow the traversal stack themselves, by as much as they need; each case starts
    // from a stack of the initial size (the previous test drops it), so a thousand inputs cannot fit unless it grows.
    [Fact]
    public void Nodes_with_a_thousand_computed_inputs_are_traversed_from_a_fresh_stack()
    {
        var x = new Value(1.0);
        Value[] scaled = Enumerable.Range(1, 1000).Select(k => x * (double)k).ToArray(); // d(scaled[k-1])/dx = k
        Value[] others = Enumerable.Range(1, 1000).Select(k => x * 1.0).ToArray();

        DropTraversalBuffers();
        Value.Sum(scaled).Backward();
        x.Grad.Should().Be(500_500); // 1 + 2 + ... + 1000

        x.Grad = 0;
        DropTraversalBuffers();
        Value.Dot(scaled, others).Backward(); // Σ k·x·x at x = 1: derivative Σ 2k
        x.Grad.Should().Be(1_001_000);

        x.Grad = 0;
        DropTraversalBuffers();
        Value.Function("sum", scaled, 0.0, Enumerable.Repeat(1.0, 1000).ToArray()).Backward();
        x.Grad.Should().Be(500_500);

        x.Grad = 0;
        DropTraversalBuffers();
        var weights = new[] { Enumerable.Repeat(new Value(1.0), 1000).ToArray() };
        new AffineMap(weights).Apply(scaled)[0].Backward();
        x.Grad.Should().Be(500_500);
    }

    [Fact]
    public void Backward_grows_its_buffers_geometrically_through_nested_wide_nodes()
    {
        // 20,000 nested sums of three computed values: the stack deepens by one per level, and each level's
        // sum grows it for its three inputs. Doubling keeps the total of all growth within a few times the final
        // buffers; growing by just what each level needs would copy the whole stack every few levels.
        var x = new Value(1.0);
        Value y = x * 1.0;
        for (int i = 0; i < 20_000; i++)
        {
            y = Value.Sum(y, x * 1.0, x * 2.0);
        }

        DropTraversalBuffers();
        long before = GC.GetAllocatedBytesForCurrentThread();
        y.Backward();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        x.Grad.Should().Be(60_001);
        allocated.Should().BeLessThan(60_001L * 64, "at most 64 bytes for each of the 60,001 values");
    }

    [Theory]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(66)]
    public void A_node_with_about_as_many_computed_inputs_as_the_initial_stack_holds_is_traversed(int count)
    {
        // The initial stack holds 64 entries; with the node itself beneath them, these inputs just fit or just
        // do not, and the node must grow the stack whenever they might not.
        var x = new Value(1.0);
        Value[] scaled = Enumerable.Range(1, count).Select(k => x * (double)k).ToArray();

        DropTraversalBuffers();
        Value.Sum(scaled).Backward();

        x.Grad.Should().Be(count * (count + 1) / 2);
    }

    // Back-propagates a graph big enough that the thread's traversal gives its buffers back, so that the next
    // Backward starts from the initial size.
    private static void DropTraversalBuffers()
    {
        var leaf = new Value(1.0);
        Value.Sum(Enumerable.Repeat(leaf * 1.0, 1_100_000)).Backward();
    }

    private static Value BalancedSum(Value x, int depth) =>
        depth == 0 ? x * 1.0 : BalancedSum(x, depth - 1) + BalancedSum(x, depth - 1);

    // Builds, back-propagates and drops a graph of every node shape; returns weak references to its interior values.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> BuildBackwardAndForget(Value[] leaves)
    {
        Value loss = TrainingGraph(leaves);
        loss.Backward();
        var references = InteriorValues(loss).Select(value => new WeakReference(value)).ToList();
        return references;
    }

    // Builds a graph of every node shape, compiles it, replays it forward and backward, and drops it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> CompileReplayAndForget(Value[] leaves)
    {
        Value loss = TrainingGraph(leaves, replayable: true);
        CompiledGraph program = loss.Compile();
        program.Forward();
        program.Backward();
        return InteriorValues(loss).Select(value => new WeakReference(value)).ToList();
    }

    /// <summary>A graph of more than 10,000 values with no affine layer, whose program has no groups to set up.</summary>
    private static Value UngroupedGraph(Value[] leaves)
    {
        Value[] hidden = Enumerable.Range(0, 300).Select(i => (leaves[i % leaves.Length] * (0.01 * i)).Tanh()).ToArray();
        Value total = Value.Sum(hidden) + Value.Dot(hidden, hidden.Select(h => h.Exp()).ToArray());
        for (int i = 0; i < 5000; i++)
        {
            total = (total + leaves[i % leaves.Length]).Sigmoid() - hidden[i % hidden.Length];
        }

        return total;
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
    /// products over hundreds of computed values, binary and unary operations and a user-defined operation (given as
    /// an evaluate function when <paramref name="replayable"/>, so that the graph compiles).
    /// </summary>
    private static Value TrainingGraph(Value[] leaves, bool replayable = false)
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
        Value custom = replayable
            ? Value.Function("half", [sum], (input, gradients) =>
            {
                gradients[0] = 0.5;
                return 0.5 * input[0];
            })
            : Value.Function("half", [sum], 0.5 * sum.Data, [0.5]);
        Value total = custom;
        for (int i = 0; i < 9000; i++)
        {
            total = (total + leaves[i % leaves.Length]).Sigmoid() - hidden[i % hidden.Length];
        }

        return total;
    }
}
