namespace Micrograd.Tests.Engine;

/// <summary>Independent graphs built and back-propagated on different threads at once must not disturb each other.</summary>
public sealed class ThreadSafetyTests
{
    [Fact]
    public void Independent_graphs_on_parallel_threads_get_exact_gradients()
    {
        const int Threads = 8;
        const int Rounds = 200;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < Rounds; round++)
            {
                // y = Σ x_i² over leaves of this thread's own, a different graph size on every thread and round.
                int size = 50 + (t * 37 + round * 11) % 200;
                var xs = Enumerable.Range(0, size).Select(i => new Value(i - t + 0.5)).ToArray();
                Value y = xs[0] * xs[0];
                for (int i = 1; i < size; i++)
                {
                    y += xs[i] * xs[i];
                }

                y.Backward();
                for (int i = 0; i < size; i++)
                {
                    double expected = 2 * (i - t + 0.5); // d(x²)/dx = 2x, exact
                    if (xs[i].Grad != expected)
                    {
                        failures.Add($"thread {t}, round {round}, x[{i}]: {xs[i].Grad} instead of {expected}");
                    }
                }
            }
        }, maxStackSize: 256 * 1024)).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        failures.Should().BeEmpty();
    }

    [Fact]
    public void A_graph_built_on_one_thread_can_be_back_propagated_on_another()
    {
        var x = new Value(4.0);
        var y = x * x * x; // dy/dx = 3x² = 48
        var thread = new Thread(y.Backward);
        thread.Start();
        thread.Join();
        x.Grad.Should().Be(48.0);
    }
}
