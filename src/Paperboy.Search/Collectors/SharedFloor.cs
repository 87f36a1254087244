namespace Paperboy.Search.Collectors;

/// <summary>
/// The best k-th score any group of a search on several threads has reached (<see cref="PrunedSearch"/>).
/// Each group collects its own top k, but the final k-th score is at least every group's, so a group
/// may skip what scores below another group's k-th as well as below its own: its threshold rises with
/// the fastest group's instead of starting from nothing. Strictly below only: a document of this group
/// tying another group's k-th may have the lower id and win the tie in the merge.
/// </summary>
internal sealed class SharedFloor
{
    private double _score = double.NegativeInfinity;

    /// <summary>The highest k-th score published so far.</summary>
    public double Score => Volatile.Read(ref _score);

    /// <summary>
    /// The highest threshold a group may prune with, given its own k-th score: skipping documents that
    /// cannot exceed it skips only those below the floor, or at or below its own k-th.
    /// </summary>
    public double Threshold(double own) => Math.Max(own, Math.BitDecrement(Score));

    /// <summary>Publishes a group's k-th score; the floor keeps the highest.</summary>
    public void Raise(double score)
    {
        var current = Volatile.Read(ref _score);
        while (score > current)
        {
            var seen = Interlocked.CompareExchange(ref _score, score, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
