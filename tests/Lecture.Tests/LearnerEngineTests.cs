using System.Text.RegularExpressions;
using Learner = Micrograd.Samples.Lecture.Engine;

namespace Micrograd.Samples.Lecture.Tests;

/// <summary>The learner's engine (samples/Lecture/Engine) against this library, and its size.</summary>
public partial class LearnerEngineTests
{
    // The operations the learner's engine has, applied to a pair (learner's value, library's value) alike.
    private static readonly (string Name, Func<Random, bool> Allowed, Func<(Learner.Value, Value), (Learner.Value, Value), double, (Learner.Value, Value)> Apply)[] Operations =
    [
        ("a + b", _ => true, (a, b, _) => (a.Item1 + b.Item1, a.Item2 + b.Item2)),
        ("a * b", _ => true, (a, b, _) => (a.Item1 * b.Item1, a.Item2 * b.Item2)),
        ("a - b", _ => true, (a, b, _) => (a.Item1 - b.Item1, a.Item2 - b.Item2)),
        ("a / b", _ => true, (a, b, _) => (a.Item1 / b.Item1, a.Item2 / b.Item2)),
        ("-a", _ => true, (a, _, _) => (-a.Item1, -a.Item2)),
        ("c + a", _ => true, (a, _, c) => (c + a.Item1, c + a.Item2)),
        ("c * a", _ => true, (a, _, c) => (c * a.Item1, c * a.Item2)),
        ("a - c", _ => true, (a, _, c) => (a.Item1 - c, a.Item2 - c)),
        ("a**2", _ => true, (a, _, _) => (a.Item1.Pow(2), a.Item2.Pow(2))),
        ("a**3", _ => true, (a, _, _) => (a.Item1.Pow(3), a.Item2.Pow(3))),
        ("a**-1", _ => true, (a, _, _) => (a.Item1.Pow(-1), a.Item2.Pow(-1))),
        ("tanh(a)", _ => true, (a, _, _) => (a.Item1.Tanh(), a.Item2.Tanh())),
        ("exp(a)", _ => true, (a, _, _) => (a.Item1.Exp(), a.Item2.Exp())),
    ];

    [Fact]
    public void The_learner_s_engine_and_the_library_agree_on_random_expressions_of_its_operations()
    {
        var random = new Random(20);
        int checkedExpressions = 0;
        for (int expression = 0; expression < 500; expression++)
        {
            var leaves = Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 4 - 2).Select(x => (new Learner.Value(x), new Value(x))).ToList();
            var pool = new List<(Learner.Value Learner, Value Library)>(leaves);
            var used = new List<string>();
            for (int step = 0; step < 8; step++)
            {
                var (name, _, apply) = Operations[random.Next(Operations.Length)];
                var a = pool[random.Next(pool.Count)];
                var b = pool[random.Next(pool.Count)];
                double c = Math.Round(random.NextDouble() * 6 - 3, 1);
                // Keep the numbers moderate: no division by nearly 0, no exp of a large number.
                bool divides = name is "a / b" or "a**-1";
                Value divisor = name == "a / b" ? b.Item2 : a.Item2;
                if ((divides && Math.Abs(divisor.Data) < 0.25) || (name == "exp(a)" && Math.Abs(a.Item2.Data) > 3) || Math.Abs(a.Item2.Data) > 50)
                {
                    continue;
                }

                pool.Add(apply(a, b, c));
                used.Add(name);
            }

            var (learnerRoot, libraryRoot) = pool[^1];
            learnerRoot.Backward();
            libraryRoot.Backward();
            string context = string.Join(", ", used);
            learnerRoot.Data.Should().BeApproximately(libraryRoot.Data, 1e-12 * Math.Max(1, Math.Abs(libraryRoot.Data)), context);
            foreach (var (learnerLeaf, libraryLeaf) in leaves)
            {
                learnerLeaf.Grad.Should().BeApproximately(libraryLeaf.Grad, 1e-10 * Math.Max(1, Math.Abs(libraryLeaf.Grad)), context);
            }

            checkedExpressions++;
        }

        checkedExpressions.Should().Be(500);
    }

    [Fact]
    public void The_learner_s_engine_computes_the_lecture_s_neuron_to_the_last_bit()
    {
        // lecture.md, steps 17 and 46 and "Re-run": o and the grads of o.backward() at full precision.
        var x1 = new Learner.Value(2.0);
        var x2 = new Learner.Value(0.0);
        var w1 = new Learner.Value(-3.0);
        var w2 = new Learner.Value(1.0);
        var b = new Learner.Value(6.8813735870195432);
        Learner.Value o = (x1 * w1 + x2 * w2 + b).Tanh();
        o.Backward();
        o.Data.Should().Be(0.7071067811865476);
        new[] { x1.Grad, x2.Grad, w1.Grad, w2.Grad, b.Grad }.Should().Equal(-1.4999999999999996, 0.4999999999999999, 0.9999999999999998, 0.0, 0.4999999999999999);
    }

    [Fact]
    public void The_learner_s_engine_fits_in_150_lines_that_are_neither_blank_nor_comments()
    {
        string engine = Path.Combine(Chapter.RepositoryRoot, "samples", "Lecture", "Engine");
        int lines = Directory.GetFiles(engine, "*.cs").SelectMany(File.ReadAllLines).Count(line => !BlankOrComment().IsMatch(line));
        lines.Should().BeLessThanOrEqualTo(150);
    }

    [GeneratedRegex(@"^\s*(//.*)?$")]
    private static partial Regex BlankOrComment();
}
