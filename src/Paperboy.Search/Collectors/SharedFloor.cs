namespace Paperboy.Search.Collectors;

/// <summary>
/// The best k-th score any thread of a search on several has reached (<see cref="PrunedSearch"/>).
/// Each thread collects its own top k, but the final k-th score is at least every thread's, so a thread
/// may skip what scores below another thread's k-th as well as below its own: its threshold rises with
/// the fastest thread's instead of starting from nothing. Strictly below only: a document of this thread
/// tying another thread's k-th may have the lower id and win the tie in the merge.
/// </summary>
internal sealed class SharedFloor
{
    private double _score = double.NegativeInfinity;

    /// <summary>The highest k-th score published so far.</summary>
    public double Score => Volatile.Read(ref _score);

    /// <summary>
    /// The highest threshold a thread may prune with, given its own k-th score: skipping documents that
    /// cannot exceed it skips only those below the floor, or at or below its own k-th.
    /// </summary>
    public double Threshold(double own) => Math.Max(own, Math.BitDecrement(Score));

    /// <summary>Publishes a thread's k-th score; the floor keeps the highest.</summary>
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
