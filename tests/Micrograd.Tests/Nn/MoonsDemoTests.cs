using Micrograd.Datasets;
using Micrograd.Nn;

namespace Micrograd.Tests.Nn;

/// <summary>
/// micrograd's demo notebook as a test: 100 moons points with noise 0.1, MLP(2, [16, 16, 1]) with relu hidden
/// layers, hinge loss plus 1e-4 L2, 100 full-batch SGD steps with learning rate 1 − 0.9k/100. The original
/// reports 100% accuracy.
/// </summary>
public sealed class MoonsDemoTests
{
    [Fact]
    public void The_demo_with_the_original_s_seed_number_reaches_100_percent()
    {
        Train(1337).Should().Be(1.0, "micrograd's demo reaches 100% with its seed 1337");
    }

    [Fact]
    public void The_demo_reaches_at_least_95_percent_on_every_seed_and_100_on_most()
    {
        // Our random numbers differ from numpy's, so one seed is one draw: over seeds 0 to 9, with the points
        // shuffled as make_moons does, measured 100% on nine and 95% on one (seed 2) when this test was written.
        var accuracies = Enumerable.Range(0, 10).Select(Train).ToList();
        accuracies.Should().OnlyContain(a => a >= 0.95);
        accuracies.Count(a => a == 1.0).Should().BeGreaterThanOrEqualTo(8);
    }

    private static double Train(int seed)
    {
        var random = new Random(seed);
        Moons data = Moons.Generate(100, noise: 0.1, random);
        var model = new MLP(2, [16, 16, 1], Activation.Relu, Activation.Linear, random);
        var optimizer = new Sgd(model.Parameters(), learningRate: 1.0);
        for (int k = 0; k < 100; k++)
        {
            var scores = data.Points.Select(p => model.Forward(p)[0]).ToList();
            Value loss = Losses.Hinge(scores, data.SignedLabels) + Losses.L2(model.Parameters(), 1e-4);
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.LearningRate = 1.0 - 0.9 * k / 100;
            optimizer.Step();
        }

        return data.Points.Select(p => model.Forward(p)[0].Data)
            .Zip(data.SignedLabels, (score, label) => score > 0 == label > 0)
            .Count(correct => correct) / 100.0;
    }

    [Fact]
    public void Moons_come_shuffled_as_scikit_learn_s_make_moons_unless_asked_not_to()
    {
        Moons shuffled = Moons.Generate(100, noise: 0.0, new Random(5));
        Moons ordered = Moons.Generate(100, noise: 0.0, new Random(5), shuffle: false);

        ordered.Classes.Should().Equal(Enumerable.Repeat(0, 50).Concat(Enumerable.Repeat(1, 50)), "the upper moon first");
        shuffled.Classes.Should().NotBeInAscendingOrder();
        for (int start = 0; start < 100; start += 20)
        {
            shuffled.Classes.Skip(start).Take(20).Should().Contain(0).And.Contain(1, "every slice of 20 holds both moons");
        }

        // The same points, each with its own class, in another order.
        static IEnumerable<string> Described(Moons m) =>
            m.Points.Select((p, i) => $"{p[0]:R} {p[1]:R} {m.Classes[i]} {m.SignedLabels[i]}").Order();
        Described(shuffled).Should().Equal(Described(ordered));
    }

    [Fact]
    public void Moons_has_two_balanced_classes_on_two_arcs()
    {
        Moons data = Moons.Generate(101, noise: 0.0, new Random(0));
        data.Classes.Count(c => c == 0).Should().Be(50);
        data.Classes.Count(c => c == 1).Should().Be(51);
        for (int i = 0; i < 101; i++)
        {
            double[] p = data.Points[i];
            // Without noise, the upper moon lies on the unit circle and the lower one on the circle of radius 1 about (1, 0.5).
            double radius = data.Classes[i] == 0 ? Math.Sqrt(p[0] * p[0] + p[1] * p[1]) : Math.Sqrt((p[0] - 1) * (p[0] - 1) + (p[1] - 0.5) * (p[1] - 0.5));
            radius.Should().BeApproximately(1.0, 1e-12);
            data.SignedLabels[i].Should().Be(data.Classes[i] == 0 ? -1.0 : 1.0);
        }
    }
}
