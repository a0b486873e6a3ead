using Micrograd.Datasets;

namespace Micrograd.Benchmarks;

/// <summary>micrograd's demo: 100 moons points with noise 0.1, MLP(2, [16, 16, 1]), relu hidden, linear output.</summary>
internal static class DemoWorkload
{
    public const int Points = 100;
    public const double Regularisation = 1e-4;
    public static readonly int[] LayerSizes = [16, 16, 1];

    public static Moons Data() => Moons.Generate(Points, noise: 0.1, new Random(1337));
}
