using System.Numerics;

namespace Micrograd.Samples.MicroGpt;

/// <summary>
/// The random numbers of CPython's <c>random</c> module, bit for bit: the Mersenne Twister MT19937 seeded as
/// <c>random.seed(int)</c> seeds it, and the algorithms of <c>random()</c>, <c>gauss()</c>, <c>getrandbits()</c>,
/// <c>shuffle()</c> and <c>choices()</c> (CPython 3.11's <c>Modules/_randommodule.c</c> and <c>Lib/random.py</c>).
/// microgpt draws its initial weights, its document order and its samples from it, so the same seed gives
/// the Python original's run.
/// </summary>
public sealed class PythonRandom
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private readonly uint[] _mt = new uint[N];
    private int _index;
    private double? _gaussNext;

    /// <summary>Creates a generator seeded as <c>random.seed(seed)</c> seeds Python's.</summary>
    public PythonRandom(BigInteger seed) => Seed(seed);

    /// <summary>
    /// <c>random.seed(n)</c> for an int: the absolute value, cut into 32-bit words from the least significant
    /// one, goes to MT19937's <c>init_by_array</c>. Also forgets a cached <see cref="Gauss"/> value.
    /// </summary>
    public void Seed(BigInteger seed)
    {
        byte[] bytes = BigInteger.Abs(seed).ToByteArray(isUnsigned: true, isBigEndian: false);
        uint[] key = new uint[Math.Max(1, (bytes.Length + 3) / 4)];
        for (int i = 0; i < bytes.Length; i++)
        {
            key[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }

        InitByArray(key);
        _gaussNext = null;
    }

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++)
        {
            _mt[i] = unchecked(1812433253U * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        }

        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenrand(19650218U);
        int i = 1;
        int j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }

            if (j >= key.Length)
            {
                j = 0;
            }
        }

        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941U)) - (uint)i);
            i++;
            if (i >= N)
            {
                _mt[0] = _mt[N - 1];
                i = 1;
            }
        }

        _mt[0] = 0x80000000U; // MSB is 1, assuring a non-zero initial array
    }

    /// <summary>The next 32 random bits (MT19937's <c>genrand_uint32</c>).</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            int kk;
            uint y;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
                _mt[kk] = _mt[kk + M] ^ (y >> 1) ^ ((y & 1) * MatrixA);
            }

            for (; kk < N - 1; kk++)
            {
                y = (_mt[kk] & UpperMask) | (_mt[kk + 1] & LowerMask);
                _mt[kk] = _mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) * MatrixA);
            }

            y = (_mt[N - 1] & UpperMask) | (_mt[0] & LowerMask);
            _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1) * MatrixA);
            _index = 0;
        }

        uint z = _mt[_index++];
        z ^= z >> 11;
        z ^= (z << 7) & 0x9d2c5680U;
        z ^= (z << 15) & 0xefc60000U;
        z ^= z >> 18;
        return z;
    }

    /// <summary><c>random.random()</c>: a double in [0, 1) with 53 random bits (27 from one word, 26 from the next).</summary>
    public double Random()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /// <summary>
    /// <c>random.gauss(mu, sigma)</c>: the Box-Muller transform, which makes two normal values from two uniform
    /// ones; the second is kept and returned by the next call.
    /// </summary>
    public double Gauss(double mu = 0.0, double sigma = 1.0)
    {
        double? cached = _gaussNext;
        _gaussNext = null;
        double z;
        if (cached is double next)
        {
            z = next;
        }
        else
        {
            double x2pi = Random() * (2.0 * Math.PI);
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - Random()));
            z = Math.Cos(x2pi) * g2rad;
            _gaussNext = Math.Sin(x2pi) * g2rad;
        }

        return mu + z * sigma;
    }

    /// <summary><c>random.getrandbits(k)</c> for k from 1 to 64: whole words from the least significant, the last one cut from the top.</summary>
    public ulong GetRandBits(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 64);
        if (k <= 32)
        {
            return NextUInt32() >> (32 - k);
        }

        ulong low = NextUInt32();
        ulong high = NextUInt32() >> (64 - k);
        return low | (high << 32);
    }

    /// <summary>Python's <c>_randbelow(n)</c>: <c>getrandbits(n.bit_length())</c> until the result is below n.</summary>
    public int RandBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        int k = 64 - BitOperations.LeadingZeroCount((ulong)n); // n.bit_length()
        ulong r = GetRandBits(k);
        while (r >= (ulong)n)
        {
            r = GetRandBits(k);
        }

        return (int)r;
    }

    /// <summary><c>random.shuffle(x)</c>: Fisher-Yates from the end, swapping x[i] with x[_randbelow(i + 1)].</summary>
    public void Shuffle<T>(IList<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        for (int i = x.Count - 1; i > 0; i--)
        {
            int j = RandBelow(i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary>
    /// <c>random.choices(range(len(weights)), weights=weights)[0]</c>: the running sums of the weights (from the
    /// first, left to right), then the first index whose running sum exceeds <c>random() * total</c>
    /// (<c>bisect_right</c> over all but the last).
    /// </summary>
    public int Choice(ReadOnlySpan<double> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("There must be at least one weight.", nameof(weights));
        }

        Span<double> cumulative = weights.Length <= 256 ? stackalloc double[weights.Length] : new double[weights.Length];
        double running = weights[0];
        cumulative[0] = running;
        for (int i = 1; i < weights.Length; i++)
        {
            running += weights[i];
            cumulative[i] = running;
        }

        double total = cumulative[^1] + 0.0;
        if (!(total > 0.0) || !double.IsFinite(total))
        {
            throw new ArgumentException("The total of the weights must be finite and greater than zero.", nameof(weights));
        }

        double x = Random() * total;
        int lo = 0;
        int hi = weights.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (x < cumulative[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
