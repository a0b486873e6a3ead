using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Micrograd.Samples.NetFrameworkConsumer;

/// <summary>
/// Times micrograd's demo training step (MoonsDemo: forward over 100 points, loss, backward, SGD update) on this
/// runtime, two ways: the graph built anew at every step, as micrograd does, and compiled once and replayed. Each
/// is warmed up for about a second, then timed in 10 rounds of about half a second; prints the median and the
/// fastest round per step.
/// </summary>
internal static class MoonsBenchmark
{
    private const int Rounds = 10;

    public static void Run()
    {
        var rebuilt = new MoonsDemo();
        Report("graph rebuilt at every step", step => rebuilt.Step(step % MoonsDemo.Steps));

        var compiled = new MoonsDemo();
        Value loss = compiled.Loss(compiled.Scores());
        CompiledGraph program = loss.Compile();
        Report("compiled once, replayed", step =>
        {
            program.Forward();
            compiled.Optimizer.ZeroGrad();
            program.Backward();
            compiled.Optimizer.LearningRate = 1.0 - 0.9 * (step % MoonsDemo.Steps) / MoonsDemo.Steps;
            compiled.Optimizer.Step();
            return loss.Data;
        });
    }

    private static void Report(string name, Func<int, double> step)
    {
        // Warm up for about a second (the JIT, tiered compilation), counting how many steps fit in it.
        var clock = Stopwatch.StartNew();
        int warmup = 0;
        while (clock.Elapsed.TotalSeconds < 1.0)
        {
            step(warmup++);
        }

        int perRound = Math.Max(1, (int)(warmup / 2.0 / clock.Elapsed.TotalSeconds));
        var microseconds = new List<double>();
        double sink = 0;
        for (int round = 0; round < Rounds; round++)
        {
            clock.Restart();
            for (int i = 0; i < perRound; i++)
            {
                sink += step(i);
            }

            microseconds.Add(clock.Elapsed.TotalMilliseconds * 1000 / perRound);
        }

        microseconds.Sort();
        double median = (microseconds[Rounds / 2 - 1] + microseconds[Rounds / 2]) / 2;
        Console.WriteLine(FormattableString.Invariant(
            $"Moons step, {name}: median {median:F0} us, fastest {microseconds[0]:F0} us ({Rounds} rounds of {perRound} steps after {warmup} warm-up steps; loss sum {sink:G6})"));
    }
}
