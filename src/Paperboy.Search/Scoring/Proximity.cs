namespace Paperboy.Search.Scoring;

/// <summary>
/// The term-pair instance weight of Rasolofo &amp; Savoy, "Term Proximity Scoring for Keyword-Based
/// Retrieval Systems" (ECIR 2003): every occurrence of one word within <c>window</c> positions of an
/// occurrence of the other, in either order, adds 1/d^2, where d is their distance. Positions count
/// stop words, so "heat transfer" (d 1) outweighs "heat of the transfer" (d 3) ninefold.
/// </summary>
internal static class Proximity
{
    /// <summary>
    /// The sum over all pairs within the window. Both position lists are sorted, so for each position
    /// of <paramref name="first"/> only the few positions of <paramref name="second"/> inside the
    /// window are visited: O(|first| + |second| + pairs). <see cref="PairWeightPlain"/> is the reference.
    /// </summary>
    public static double PairWeight(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int window)
    {
        var sum = 0.0;
        var from = 0;
        foreach (var p in first)
        {
            while (from < second.Length && second[from] < p - window)
            {
                from++;
            }
            for (var j = from; j < second.Length && second[j] <= p + window; j++)
            {
                var d = Math.Abs(second[j] - p);
                if (d > 0)
                {
                    sum += 1.0 / ((double)d * d);
                }
            }
        }
        return sum;
    }

    /// <summary>
    /// The most one occurrence can add to <see cref="PairWeight"/>: at each distance d from it there are
    /// at most two positions (before and after), so at most 2 * sum over d of 1/d^2, and the pair weight
    /// of a field is at most this times the smaller of the two words' frequencies there. Past a thousand,
    /// the rest of the series is bounded by its integral, 1/1000.
    /// </summary>
    public static double MaxWeightPerOccurrence(int window)
    {
        const int Exact = 1000;
        var sum = window > Exact ? 1.0 / Exact : 0.0;
        for (var d = Math.Min(window, Exact); d >= 1; d--)
        {
            sum += 1.0 / ((double)d * d);
        }
        return 2 * sum;
    }

    /// <summary>The same sum by visiting every pair: the plain version the fast one is tested against.</summary>
    public static double PairWeightPlain(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int window)
    {
        var sum = 0.0;
        foreach (var p in first)
        {
            foreach (var q in second)
            {
                var d = Math.Abs(q - p);
                if (d > 0 && d <= window)
                {
                    sum += 1.0 / ((double)d * d);
                }
            }
        }
        return sum;
    }
}
