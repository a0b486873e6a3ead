using System;
using System.Collections.Generic;

namespace Micrograd.Datasets;

/// <summary>
/// Two interleaving half circles in the plane, the toy classification problem of micrograd's demo (the same
/// construction as scikit-learn's <c>make_moons</c>, with its own random numbers). As there, the points come
/// shuffled unless asked otherwise, so that any slice of them, such as a mini-batch, holds both moons.
/// </summary>
/// <example>
/// <code>
/// Moons data = Moons.Generate(100, noise: 0.1, new Random(1337));
/// double[] first = data.Points[0];     // { x, y }
/// double label = data.SignedLabels[0]; // -1 for the upper moon, +1 for the lower one (shuffled: either)
/// </code>
/// </example>
public sealed class Moons
{
    private Moons(double[][] points, int[] classes)
    {
        Points = points;
        Classes = classes;
        SignedLabels = Array.ConvertAll(classes, c => c == 0 ? -1.0 : 1.0);
    }

    /// <summary>The points, each an array { x, y }.</summary>
    public IReadOnlyList<double[]> Points { get; }

    /// <summary>The class of each point: 0 for the upper moon, 1 for the lower one.</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>The class of each point as −1 (upper moon) or +1 (lower moon), as a hinge loss wants it.</summary>
    public IReadOnlyList<double> SignedLabels { get; }

    /// <summary>Generates the data set.</summary>
    /// <param name="count">How many points; at least 2. The upper moon gets half, rounded down.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise added to each coordinate; not negative.</param>
    /// <param name="random">The source of the order and the noise; pass a seeded one to reproduce the data. <see langword="null"/> makes a new unseeded one.</param>
    /// <param name="shuffle">
    /// Whether to put the points in random order, as scikit-learn's <c>make_moons</c> does by default (shuffled
    /// first, then the noise added); <see langword="false"/> gives the upper moon first, then the lower one.
    /// </param>
    /// <returns>The points and their classes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 2, or <paramref name="noise"/> is negative or not finite.</exception>
    public static Moons Generate(int count = 100, double noise = 0.1, Random? random = null, bool shuffle = true)
    {
        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Each moon needs at least one point.");
        }

        if (!(noise >= 0) || double.IsInfinity(noise))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "The noise must be finite and not negative.");
        }

        random ??= new Random();
        int upper = count / 2;
        int lower = count - upper;
        var points = new double[count][];
        var classes = new int[count];
        for (int i = 0; i < upper; i++)
        {
            double angle = Angle(i, upper);
            points[i] = new[] { Math.Cos(angle), Math.Sin(angle) };
        }

        for (int i = 0; i < lower; i++)
        {
            double angle = Angle(i, lower);
            points[upper + i] = new[] { 1 - Math.Cos(angle), 1 - Math.Sin(angle) - 0.5 };
            classes[upper + i] = 1;
        }

        if (shuffle)
        {
            // Fisher–Yates, moving each point's class with it.
            for (int i = count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (points[i], points[j]) = (points[j], points[i]);
                (classes[i], classes[j]) = (classes[j], classes[i]);
            }
        }

        foreach (double[] point in points)
        {
            point[0] += noise * Gaussian(random);
            point[1] += noise * Gaussian(random);
        }

        return new Moons(points, classes);
    }

    // Evenly spaced from 0 to π inclusive, like numpy's linspace.
    private static double Angle(int index, int count) => count == 1 ? 0 : Math.PI * index / (count - 1);

    // A standard normal sample (Box–Muller).
    private static double Gaussian(Random random)
    {
        double u = 1 - random.NextDouble(); // in (0, 1], so the logarithm is finite
        double v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
