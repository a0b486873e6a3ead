using System.Runtime.CompilerServices;

namespace Micrograd.Tests.Engine;

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
    public void A_deep_chain_back_propagates_and_a_second_Backward_allocates_nothing()
    {
        // 600,000 values in a chain: no recursion, so no stack overflow; the buffers the first call grew serve the second.
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
    public void A_graph_of_millions_of_values_back_propagates_again_and_again()
    {
        // A balanced tree of additions over 2^20 products (2^21 - 1 values), and one sum of a value 1,100,000 times.
        var x = new Value(1.0);
        Value tree = BalancedSum(x, 20);
        Value wide = Value.Sum(Enumerable.Repeat(x * 2.0, 1_100_000));
        for (int pass = 1; pass <= 2; pass++)
        {
            x.Grad = 0;
            tree.Backward();
            x.Grad.Should().Be(1 << 20);
            x.Grad = 0;
            wide.Backward();
            x.Grad.Should().Be(2.2e6);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void Nodes_of_any_number_of_computed_inputs_back_propagate_on_a_new_thread(int count)
    {
        // A new thread starts with new buffers, so each node must grow them for as many inputs as it has.
        double sum = 0, dot = 0, user = 0, affine = 0;
        var thread = new Thread(() =>
        {
            var x = new Value(1.0);
            Value[] scaled = Enumerable.Range(1, count).Select(k => x * (double)k).ToArray(); // d(scaled[k-1])/dx = k
            Value[] ones = Enumerable.Range(1, count).Select(_ => x * 1.0).ToArray();
            Value.Sum(scaled).Backward();
            sum = x.Grad;
            x.Grad = 0;
            Value.Dot(scaled, ones).Backward(); // Σ k·x·x at x = 1: derivative Σ 2k
            dot = x.Grad;
            x.Grad = 0;
            Value.Function("sum", scaled, 0.0, Enumerable.Repeat(1.0, count).ToArray()).Backward();
            user = x.Grad;
            x.Grad = 0;
            new AffineMap([Enumerable.Repeat(new Value(1.0), count).ToArray()]).Apply(scaled)[0].Backward();
            affine = x.Grad;
        });
        thread.Start();
        thread.Join();

        double expected = count * (count + 1.0) / 2;
        (sum, dot, user, affine).Should().Be((expected, 2 * expected, expected, expected));
    }

    [Fact]
    public void Backward_through_nested_wide_nodes_allocates_a_few_times_the_graph_at_most()
    {
        // 20,000 nested sums of three computed values, back-propagated first on a new thread: the buffers grow as the
        // sort deepens, geometrically, so the total stays within a few times the final buffers.
        long allocated = 0;
        double gradient = 0;
        var thread = new Thread(() =>
        {
            var x = new Value(1.0);
            Value y = x * 1.0;
            for (int i = 0; i < 20_000; i++)
            {
                y = Value.Sum(y, x * 1.0, x * 2.0);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            y.Backward();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            gradient = x.Grad;
        });
        thread.Start();
        thread.Join();

        gradient.Should().Be(60_001);
        allocated.Should().BeLessThan(60_001L * 64, "at most 64 bytes for each of the 60,001 values");
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
