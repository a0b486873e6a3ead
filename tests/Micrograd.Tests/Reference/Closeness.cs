namespace Micrograd.Tests.Reference;

/// <summary>Compares doubles the way a reference comparison needs: relative tolerance, and NaN and infinities exactly.</summary>
internal static class Closeness
{
    public const double Relative = 1e-12;

    public static bool AreClose(double actual, double expected, double relative = Relative)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }

        if (double.IsInfinity(expected) || double.IsInfinity(actual))
        {
            return actual == expected;
        }

        double scale = Math.Max(Math.Abs(actual), Math.Abs(expected));
        return Math.Abs(actual - expected) <= relative * scale + 1e-300;
    }

    public static void ShouldBeCloseTo(this double actual, double expected, string what, double relative = Relative)
    {
        AreClose(actual, expected, relative).Should().BeTrue(
            "{0} should be {1:R} (reference) within {2} relative, but was {3:R}", what, expected, relative, actual);
    }
}
