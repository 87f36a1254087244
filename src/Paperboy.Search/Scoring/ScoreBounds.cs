namespace Paperboy.Search.Scoring;

/// <summary>
/// The safety margin of every score bound. A bound is computed from the same formula as the score,
/// with the largest frequency and the shortest length of the postings list; each floating-point
/// operation of <see cref="Bm25F.FieldFrequency"/> is monotone (IEEE 754 rounds monotonically), but
/// the saturation tf/(k1 + tf) rounds its numerator and denominator separately, and sums of bounds
/// and partial scores are added in another order than a document's score is. Those errors are a few
/// units in the last place (about 1e-16 relative per operation, a few hundred operations at most), so
/// a margin of 1e-9 keeps every bound above the score it bounds, at the cost of skipping nothing that
/// scores within a billionth of the threshold.
/// </summary>
internal static class ScoreBounds
{
    public const double RelativeMargin = 1e-9;

    /// <summary><paramref name="bound"/> raised by the margin: what pruning compares with the threshold.</summary>
    public static double Above(double bound) => bound * (1 + RelativeMargin);
}
