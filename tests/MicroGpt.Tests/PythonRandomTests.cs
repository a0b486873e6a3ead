using System.Numerics;

namespace Micrograd.Samples.MicroGpt.Tests;

/// <summary>
/// <see cref="PythonRandom"/> against numbers printed by CPython 3.11.7 (Linux x64). Each expected list says
/// the Python that printed it; doubles are Python's repr, which parses back to the same double exactly.
/// </summary>
public class PythonRandomTests
{
    public static TheoryData<string, double[]> RandomNumbers => new()
    {
        // python3 -c "import random; r = random.Random(SEED); print(', '.join(repr(r.random()) for _ in range(5)))"
        { "42", [0.6394267984578837, 0.025010755222666936, 0.27502931836911926, 0.22321073814882275, 0.7364712141640124] },
        { "3", [0.23796462709189137, 0.5442292252959519, 0.36995516654807925, 0.6039200385961945, 0.625720304108054] },
        { "0", [0.8444218515250481, 0.7579544029403025, 0.420571580830845, 0.25891675029296335, 0.5112747213686085] },
        { "12345678901234567890", [0.5120180983871961, 0.9318805526703359, 0.6423121128048344, 0.8522436047096272, 0.35402963702233636] },
        // python3 -c "import random; r = random.Random(SEED); print([repr(r.random()) for _ in range(2)])"
        { "-7", [0.32383276483316237, 0.15084917392450192] },
        { "18446744073709551621", [0.5105783769365112, 0.8797586528012199] }, // 2**64 + 5: a three-word key
    };

    [Theory]
    [MemberData(nameof(RandomNumbers))]
    public void Random_gives_CPythons_doubles_bit_for_bit(string seed, double[] expected)
    {
        var random = new PythonRandom(BigInteger.Parse(seed, System.Globalization.CultureInfo.InvariantCulture));
        double[] actual = expected.Select(_ => random.Random()).ToArray();
        actual.Should().Equal(expected);
    }

    public static TheoryData<int, double[]> GaussNumbers => new()
    {
        // python3 -c "import random; r = random.Random(SEED); print([repr(r.gauss(0, 0.08)) for _ in range(5)])"
        { 42, [-0.011527226366234268, -0.013832288026521545, -0.008905268925412997, 0.05615869800790905, -0.010207062702630967] },
        { 3, [0.007576643062984338, 0.10000195048668403, -0.07451026941765657, 0.07939018244153923, -0.020732363015474726] },
        { 0, [0.07533723237445315, -0.11172624837609199, -0.054377155846273686, 0.029640285396852786, -0.08130791153504567] },
    };

    [Theory]
    [MemberData(nameof(GaussNumbers))]
    public void Gauss_gives_CPythons_values_including_the_cached_second_one(int seed, double[] expected)
    {
        var random = new PythonRandom(seed);
        double[] actual = expected.Select(_ => random.Gauss(0, 0.08)).ToArray();
        actual.Should().Equal(expected);
    }

    [Fact]
    public void Seeding_again_forgets_the_cached_gauss_value()
    {
        var random = new PythonRandom(42);
        random.Gauss(0, 0.08);
        random.Seed(42);
        random.Gauss(0, 0.08).Should().Be(-0.011527226366234268);
    }

    public static TheoryData<int, int[], int[]> Shuffles => new()
    {
        // python3 -c "import random; r = random.Random(SEED); x = list(range(10)); r.shuffle(x); print(x);
        //             x = list(range(1000)); r.shuffle(x); print(x[:10])"   (the same generator, one after the other)
        { 42, [7, 3, 2, 8, 5, 6, 9, 4, 0, 1], [666, 572, 731, 334, 732, 501, 637, 635, 53, 833] },
        { 3, [1, 5, 6, 0, 9, 4, 7, 2, 8, 3], [388, 279, 328, 652, 910, 296, 917, 693, 884, 768] },
        { 0, [7, 8, 1, 5, 3, 4, 2, 0, 9, 6], [391, 933, 207, 558, 54, 410, 632, 295, 34, 522] },
    };

    [Theory]
    [MemberData(nameof(Shuffles))]
    public void Shuffle_gives_CPythons_permutations(int seed, int[] ten, int[] thousandStart)
    {
        var random = new PythonRandom(seed);
        var x = Enumerable.Range(0, 10).ToList();
        random.Shuffle(x);
        x.Should().Equal(ten);
        var y = Enumerable.Range(0, 1000).ToList();
        random.Shuffle(y);
        y.Take(10).Should().Equal(thousandStart);
    }

    public static TheoryData<int, int[]> ChoicesDraws => new()
    {
        // python3 -c "import random; r = random.Random(SEED);
        //             print([r.choices(range(5), weights=[0.1, 0.2, 0.3, 0.15, 0.25])[0] for _ in range(12)])"
        { 42, [3, 0, 1, 1, 3, 3, 4, 0, 2, 0, 1, 2] },
        { 3, [1, 2, 2, 3, 3, 0, 0, 4, 1, 1, 4, 2] },
        { 0, [4, 4, 2, 1, 2, 2, 4, 2, 2, 2, 4, 2] },
    };

    [Theory]
    [MemberData(nameof(ChoicesDraws))]
    public void Choice_gives_CPythons_weighted_choices(int seed, int[] expected)
    {
        var random = new PythonRandom(seed);
        double[] weights = [0.1, 0.2, 0.3, 0.15, 0.25];
        expected.Select(_ => random.Choice(weights)).Should().Equal(expected);
    }

    [Fact]
    public void GetRandBits_gives_CPythons_integers()
    {
        // python3 -c "import random; r = random.Random(42); print([r.getrandbits(k) for k in (1, 5, 31, 33, 64)])"
        var random = new PythonRandom(42);
        new[] { 1, 5, 31, 33, 64 }.Select(random.GetRandBits).Should()
            .Equal(1UL, 3UL, 53710184UL, 3184935163UL, 4117511471858006928UL);

        // python3 -c "import random; r = random.Random(42); print([r.getrandbits(32) for _ in range(3)])"
        random.Seed(42);
        new[] { random.NextUInt32(), random.NextUInt32(), random.NextUInt32() }.Should().Equal(2746317213U, 478163327U, 107420369U);
    }

    [Fact]
    public void Choice_refuses_weights_that_total_zero()
    {
        var random = new PythonRandom(1);
        FluentActions.Invoking(() => random.Choice([0.0, 0.0])).Should().Throw<ArgumentException>();
    }
}
