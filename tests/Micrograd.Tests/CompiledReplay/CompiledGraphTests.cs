using Micrograd.Datasets;
using Micrograd.Nn;

namespace Micrograd.Tests.CompiledReplay;

/// <summary>
/// <see cref="Value.Compile"/>: replaying a graph after its leaves change gives, bit for bit, the data and
/// gradients of the same graph built again from scratch.
/// </summary>
public sealed class CompiledGraphTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Replaying_random_graphs_equals_rebuilding_them_bit_for_bit(int batch)
    {
        var failures = new List<string>();
        for (int g = 0; g < 50; g++)
        {
            int seed = batch * 50 + g;
            var random = new Random(seed);
            int leafCount = random.Next(1, 6);
            double[] data = Enumerable.Range(0, leafCount).Select(_ => random.NextDouble() * 4 - 2).ToArray();

            Value[] leaves = data.Select(d => new Value(d)).ToArray();
            List<Value> compiledValues = Build(seed, leaves);
            CompiledGraph program = compiledValues[^1].Compile();

            for (int step = 0; step < 6; step++)
            {
                // New leaf data: random numbers, and now and then an infinity, a NaN, a zero or a kink.
                for (int i = 0; i < leafCount; i++)
                {
                    data[i] = NewData(random);
                    leaves[i].Data = data[i];
                    leaves[i].Grad = 0;
                }

                program.Forward();
                program.Backward();

                Value[] freshLeaves = data.Select(d => new Value(d)).ToArray();
                List<Value> rebuilt = Build(seed, freshLeaves);
                rebuilt[^1].Backward();

                for (int k = 0; k < rebuilt.Count; k++)
                {
                    Expect(failures, $"seed {seed} step {step} value {k} ({rebuilt[k].Operator}) data", compiledValues[k].Data, rebuilt[k].Data);
                    Expect(failures, $"seed {seed} step {step} value {k} ({rebuilt[k].Operator}) grad", compiledValues[k].Grad, rebuilt[k].Grad);
                }

                for (int i = 0; i < leafCount; i++)
                {
                    Expect(failures, $"seed {seed} step {step} leaf {i} grad", leaves[i].Grad, freshLeaves[i].Grad);
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public void Training_micrograds_demo_by_replay_equals_training_it_by_rebuilding_bit_for_bit()
    {
        Moons data = Moons.Generate(30, noise: 0.1, new Random(1337));
        MLP replayed = new(2, [16, 16, 1], Activation.Relu, Activation.Linear, new Random(1));
        MLP rebuilt = new(2, [16, 16, 1], Activation.Relu, Activation.Linear, new Random(1));
        var replayOptimizer = new Sgd(replayed.Parameters(), learningRate: 1.0);
        var rebuildOptimizer = new Sgd(rebuilt.Parameters(), learningRate: 1.0);

        Value Loss(MLP model) =>
            Losses.Hinge(data.Points.Select(p => model.Forward(p)[0]).ToList(), data.SignedLabels) + Losses.L2(model.Parameters(), 1e-4);

        Value replayedLoss = Loss(replayed);
        CompiledGraph program = replayedLoss.Compile();
        for (int step = 0; step < 20; step++)
        {
            program.Forward();
            replayOptimizer.ZeroGrad();
            program.Backward();
            replayOptimizer.LearningRate = 1.0 - 0.9 * step / 20;
            replayOptimizer.Step();

            Value loss = Loss(rebuilt);
            rebuildOptimizer.ZeroGrad();
            loss.Backward();
            rebuildOptimizer.LearningRate = 1.0 - 0.9 * step / 20;
            rebuildOptimizer.Step();

            replayedLoss.Data.Should().Be(loss.Data, "step {0}", step);
        }

        replayed.Parameters().Select(p => p.Data).Should().Equal(rebuilt.Parameters().Select(p => p.Data));
        replayedLoss.Data.Should().BeLessThan(0.5, "the demo learns");
    }

    [Fact]
    public void Two_programs_replay_on_two_threads_at_once()
    {
        static double Run(int seed)
        {
            var random = new Random(seed);
            Value[] leaves = Enumerable.Range(0, 4).Select(_ => new Value(random.NextDouble())).ToArray();
            List<Value> values = Build(seed, leaves);
            CompiledGraph program = values[^1].Compile();
            double total = 0;
            for (int i = 0; i < 2000; i++)
            {
                leaves[i % 4].Data = random.NextDouble();
                program.Forward();
                program.Backward();
                total += values[^1].Data + leaves[0].Grad;
            }

            return total;
        }

        double[] alone = [Run(11), Run(12)];
        var together = new double[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => together[i] = Run(11 + i));
        together.Should().Equal(alone);
    }

    [Fact]
    public void Backward_from_a_program_accumulates_in_leaves_and_recomputes_interior_values_like_Backward()
    {
        var x = new Value(2.0);
        Value y = x * x;
        Value z = y + x;
        CompiledGraph program = z.Compile();
        program.Backward();
        program.Backward();
        x.Grad.Should().Be(2 * 5.0);
        y.Grad.Should().Be(1.0);
        z.Grad.Should().Be(1.0);
    }

    [Fact]
    public void A_backward_pass_between_Forward_and_Backward_does_not_leave_stale_interior_gradients()
    {
        var x = new Value(2.0);
        Value y = x * x;
        Value z = y.Tanh() + y;
        CompiledGraph program = z.Compile();
        program.Forward();   // zeroes the interior gradients
        z.Backward();        // an ordinary pass over the same graph fills them again
        x.Grad = 0;
        program.Backward();  // must start the interior gradients from 0 again
        double expected = (1 - Math.Tanh(4) * Math.Tanh(4) + 1) * 2 * 2;
        x.Grad.Should().BeApproximately(expected, 1e-15);
        y.Grad.Should().BeApproximately(1 - Math.Tanh(4) * Math.Tanh(4) + 1, 1e-15);
    }

    [Fact]
    public void Compiling_changes_no_data_or_gradient()
    {
        var x = new Value(3.0);
        Value y = (x * 2).Tanh();
        y.Backward();
        double before = x.Grad;
        y.Grad = 7;
        y.Compile();
        x.Grad.Should().Be(before);
        y.Grad.Should().Be(7);
    }

    [Fact]
    public void A_leaf_compiles_to_an_empty_program_whose_backward_adds_one_each_time()
    {
        var x = new Value(3.0);
        CompiledGraph program = x.Compile();
        program.Count.Should().Be(0);
        program.Output.Should().BeSameAs(x);
        program.Forward();
        program.Backward();
        program.Backward();
        x.Grad.Should().Be(2, "a leaf's gradient accumulates, as Backward() on it does");
        x.Data.Should().Be(3.0);
    }

    [Fact]
    public void A_program_counts_the_interior_values()
    {
        var x = new Value(1.0);
        Value y = (x * x + x).Tanh();
        CompiledGraph program = y.Compile();
        program.Count.Should().Be(3);
        program.ToString().Should().Be("CompiledGraph(3 values)");
        x.Exp().Compile().ToString().Should().Be("CompiledGraph(1 value)");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void A_value_computed_from_one_row_of_a_layer_before_the_next_row_is_replayed_from_new_data(int row, bool expFirst)
    {
        // The rows of one call, over a leaf with leaf weights, are recomputed together, before exp(one row), which
        // the program may place between the two rows whatever order it visits operands in.
        var x = new Value(0.5);
        Value[] rows = new AffineMap([[new Value(2.0)], [new Value(3.0)]]).Apply([x]);
        Value output = expFirst ? rows[row].Exp() * rows[1 - row] : rows[1 - row] * rows[row].Exp();
        CompiledGraph program = output.Compile();

        x.Data = 0.25;
        program.Forward();

        double[] expected = [2.0 * 0.25, 3.0 * 0.25]; // exact in binary
        output.Data.Should().Be(Math.Exp(expected[row]) * expected[1 - row]);
    }

    [Fact]
    public void A_user_defined_operation_given_as_numbers_is_refused_with_its_name()
    {
        var x = new Value(1.0);
        Value y = Value.Function("frozen", [x], 1.0, [1.0]).Tanh();
        Action act = () => y.Compile();
        act.Should().Throw<NotSupportedException>().WithMessage(
            "This graph cannot be compiled: the user-defined operation 'frozen' was given its value and local gradients as numbers, "
            + "so it cannot compute them again for new inputs; make it with a Value.Function overload that takes an evaluate function.");
    }

    [Fact]
    public void A_user_defined_operation_given_as_a_function_is_recomputed_with_its_local_gradients()
    {
        var calls = 0;
        var x = new Value(1.5);
        Value y = Value.Function("softsign", [x], (input, gradients) =>
        {
            calls++;
            double d = 1 + Math.Abs(input[0]);
            gradients[0] = 1 / (d * d);
            return input[0] / d;
        });
        calls.Should().Be(1);
        y.Data.Should().Be(1.5 / 2.5);

        CompiledGraph program = (y * 3).Compile();
        x.Data = -3.0;
        program.Forward();
        program.Backward();
        calls.Should().Be(2);
        y.Data.Should().Be(-3.0 / 4.0);
        x.Grad.Should().Be(3 * (1 / 16.0));
    }

    [Fact]
    public void The_evaluate_overload_refuses_null_arguments_by_name()
    {
        Value x = new(1.0);
        Func<double[], double[], double> f = (_, _) => 0;
        FluentActions.Invoking(() => Value.Function(null!, [x], f)).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => Value.Function("f", null!, f)).Should().Throw<ArgumentNullException>().WithParameterName("inputs");
        FluentActions.Invoking(() => Value.Function("f", [x], (Func<double[], double[], double>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("evaluate");
        FluentActions.Invoking(() => Value.Function("f", [null!], f)).Should().Throw<ArgumentException>().WithParameterName("inputs");
    }

    private static void Expect(List<string> failures, string what, double replayed, double rebuilt)
    {
        bool same = double.IsNaN(replayed) ? double.IsNaN(rebuilt) : BitConverter.DoubleToInt64Bits(replayed) == BitConverter.DoubleToInt64Bits(rebuilt);
        if (!same && failures.Count < 20)
        {
            failures.Add($"{what}: replayed {replayed:R}, rebuilt {rebuilt:R}");
        }
    }

    private static double NewData(Random random) => random.Next(20) switch
    {
        0 => double.PositiveInfinity,
        1 => double.NegativeInfinity,
        2 => double.NaN,
        3 => 0.0,
        4 => -0.0,
        _ => random.NextDouble() * 4 - 2,
    };

    /// <summary>
    /// A random graph over <paramref name="leaves"/> that uses every operation and reuses earlier values; the same
    /// seed builds the same graph. Returns every value made, in order, the output (a sum of all of them) last.
    /// </summary>
    private static List<Value> Build(int seed, Value[] leaves)
    {
        var random = new Random(seed * 7919 + 1);
        var pool = new List<Value>(leaves);
        var made = new List<Value>();
        int steps = random.Next(10, 50);
        for (int step = 0; step < steps; step++)
        {
            Value a = pool[random.Next(pool.Count)];
            Value b = pool[random.Next(pool.Count)];
            Value c = pool[random.Next(pool.Count)];
            double k = Math.Round(random.NextDouble() * 4 - 2, 2);
            Value result = random.Next(29) switch
            {
                0 => a + b,
                1 => a - b,
                2 => a * b,
                3 => a / b,
                4 => -a,
                5 => a.Pow(b),
                6 => a.Pow(2),
                7 => a.Pow(-0.5),
                8 => a.Exp(),
                9 => a.Log(),
                10 => a.Tanh(),
                11 => a.Relu(),
                12 => a.Sigmoid(),
                13 => a.Softplus(),
                14 => a.Sin(),
                15 => a.Cos(),
                16 => a.Sqrt(),
                17 => a.Abs(),
                18 => a.LeakyRelu(0.1),
                19 => a.Gelu(),
                20 => Value.Max(a, b),
                21 => Value.Min(a, b),
                22 => Value.Sum(a, b, a),
                23 => Value.Dot([a, b], [c, a]),
                24 => new AffineMap([[a, k], [b, c]], [c, a], UnaryOperation.Tanh).Apply([b, c])[random.Next(2)],
                25 => new AffineMap([[k, b]]).Apply([a, c])[0],
                26 => Value.Function("cube", [a], (x, g) => { g[0] = 3 * x[0] * x[0]; return x[0] * x[0] * x[0]; }) + k,
                27 => Value.Sum(LeafLayer(random, 6, UnaryOperation.Relu).Apply([a, b, c])), // rows replayed together
                _ => LeafLayer(random, 5, null).Apply([a, c, b])[random.Next(5)], // one row of a call in the graph
            };
            made.Add(result);
            pool.Add(result);
        }

        // Keep the numbers in range: a few tanh-squashed values feed the output, which depends on all made values.
        made.Add(Value.Sum(made.Select(v => v.Tanh())));
        return CollectAll(made[^1]);
    }

    private static AffineMap LeafLayer(Random random, int rows, UnaryOperation? activation) =>
        new(
            Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, 3).Select(_ => new Value(random.NextDouble() * 2 - 1)).ToArray()).ToArray(),
            Enumerable.Range(0, rows).Select(_ => new Value(random.NextDouble() - 0.5)).ToArray(),
            activation);

    /// <summary>Every interior value behind the output, in a fixed order (the graph picture's numbering).</summary>
    private static List<Value> CollectAll(Value output)
    {
        var order = new List<Value>();
        var seen = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Value Value, bool Done)>();
        stack.Push((output, false));
        while (stack.Count > 0)
        {
            (Value value, bool done) = stack.Pop();
            if (done)
            {
                order.Add(value);
                continue;
            }

            if (value.IsLeaf || !seen.Add(value))
            {
                continue;
            }

            stack.Push((value, true));
            foreach (Value input in value.Inputs.Reverse())
            {
                stack.Push((input, false));
            }
        }

        return order;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_compiled_layer_of_any_number_of_rows_recomputes_every_row(int rows)
    {
        var x = new Value(0.5);
        var inputs = new[] { x * 1.0, x * 2.0 };
        var weights = Enumerable.Range(0, rows).Select(r => new[] { new Value(0.1 * (r + 1)), new Value(-0.2) }).ToArray();
        var biases = Enumerable.Range(0, rows).Select(r => new Value(0.05 * r)).ToArray();
        var map = new AffineMap(weights, biases, UnaryOperation.Tanh);
        Value[] outputs = map.Apply(inputs);
        CompiledGraph compiled = Value.Sum(outputs).Compile();

        x.Data = -1.5;
        compiled.Forward();

        for (int r = 0; r < rows; r++)
        {
            double expected = Math.Tanh(0.05 * r + 0.1 * (r + 1) * -1.5 + -0.2 * -3.0);
            outputs[r].Data.Should().Be(expected, "row {0} follows the new input", r);
        }
    }

    [Fact]
    public void A_compiled_layer_with_computed_weights_recomputes_each_row_after_its_own_weights()
    {
        // Each row's weights are computed from p, and the program may place a row's weights after another row
        // of the same layer: rows whose weights are not leaves must not be recomputed together.
        var p = new Value(1.0);
        var x = new Value(0.5);
        var weights = Enumerable.Range(0, 4).Select(r => new[] { p * (double)(r + 1), p * -1.0 }).ToArray();
        Value[] outputs = new AffineMap(weights).Apply([x, x * 3.0]);
        CompiledGraph compiled = Value.Sum(outputs).Compile();

        p.Data = 2.0;
        x.Data = 0.25;
        compiled.Forward();

        for (int r = 0; r < 4; r++)
        {
            // w = (2(r + 1), -2), inputs (0.25, 0.75): exact in binary
            outputs[r].Data.Should().Be(2.0 * (r + 1) * 0.25 - 2.0 * 0.75, "row {0}", r);
        }
    }
}
