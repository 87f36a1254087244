namespace Paperboy.Ingest.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014).
/// Our own generator rather than <see cref="Random"/>, so a seed gives the same corpus on every runtime
/// and platform: only integer arithmetic, and doubles built exactly from 53 random bits.
/// </summary>
internal sealed class SyntheticRandom
{
    private ulong _state;

    /// <param name="seed">The user's seed.</param>
    /// <param name="stream">Separates independent sequences drawn from one seed (vocabulary, papers, queries).</param>
    public SyntheticRandom(int seed, int stream)
    {
        _state = ((ulong)(uint)seed << 32) ^ (uint)stream ^ 0x5DEECE66DUL;
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 &lt;= result &lt; <paramref name="maxExclusive"/> (modulo bias below 2^-40 for our ranges).</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary><paramref name="min"/> &lt;= result &lt;= <paramref name="maxInclusive"/>.</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    /// <summary>Uniform in [0, 1), exactly representable.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with the given relative integer weights.</summary>
    public int Weighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }
        var draw = Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }

    /// <summary>
    /// An integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>) drawn roughly log-uniformly:
    /// a power-of-two band first, then a uniform value inside it. Each band (1-2, 2-4, 4-8, ...) is
    /// equally likely, so common and rare values both appear, without floating-point logarithms.
    /// </summary>
    public int LogUniform(int min, int maxExclusive)
    {
        var bands = 0;
        while ((long)min << bands < maxExclusive)
        {
            bands++; // the last band may be cut short by maxExclusive
        }
        var band = Next(Math.Max(1, bands));
        var low = min << band;
        var high = (int)Math.Min((long)maxExclusive, (long)min << (band + 1));
        return low + Next(Math.Max(1, high - low));
    }
}
