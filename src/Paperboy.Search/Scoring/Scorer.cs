namespace Paperboy.Search.Scoring;

/// <summary>
/// A cursor over the matching documents of one segment, in increasing id order, that can score
/// the document it is on. Starts before the first document (DocId -1).
/// </summary>
internal abstract class Scorer
{
    public const int NoMoreDocs = int.MaxValue;

    public abstract int DocId { get; }

    /// <summary>Moves to the next match and returns its id, or <see cref="NoMoreDocs"/>.</summary>
    public abstract int NextDoc();

    /// <summary>
    /// Moves to the first match at or after <paramref name="target"/>. If the cursor is already
    /// there, it stays; this makes leapfrogging in conjunctions simpler than Lucene's strict contract.
    /// </summary>
    public abstract int Advance(int target);

    public abstract double Score();

    /// <summary>
    /// A bound no <see cref="Score"/> of this segment exceeds, for dynamic pruning (MaxScore,
    /// <see cref="MaxScoreBulkScorer"/>); read once, before the scorer moves. Positive infinity, the
    /// default, means "no safe bound": such a scorer is always essential and never skipped.
    /// </summary>
    public virtual double MaxScore => double.PositiveInfinity;

    /// <summary>
    /// Scores every match in [<paramref name="start"/>, <paramref name="end"/>) at once: the score of
    /// document d goes to <c>scores[d - start]</c> and bit d - start of <paramref name="matched"/> is set;
    /// the scorer ends on its first match at or after <paramref name="end"/>. Windows come in increasing
    /// order and the scorer must not have passed <paramref name="start"/>. The scores are exactly
    /// <see cref="Score"/>'s. A match whose score cannot exceed <paramref name="minScore"/> may be left
    /// out (its bit not set): <see cref="TextScorer"/> uses that to pass over blocks; this default keeps all.
    /// </summary>
    public virtual void ScoreWindow(int start, int end, double[] scores, ulong[] matched, double minScore)
    {
        for (var doc = DocId < start ? Advance(start) : DocId; doc < end; doc = NextDoc())
        {
            var slot = doc - start;
            scores[slot] = Score();
            matched[slot >> 6] |= 1UL << slot;
        }
    }

    /// <summary>
    /// Sets bit d - <paramref name="start"/> of <paramref name="bits"/> for every match d in
    /// [<paramref name="start"/>, <paramref name="end"/>) and ends on the first match at or after
    /// <paramref name="end"/> (<see cref="NoMoreDocs"/> for an end of <see cref="NoMoreDocs"/>): the
    /// counting pass of a pruned search, which only needs doc ids (Lucene's
    /// <c>DocIdSetIterator.intoBitSet</c>), a window at a time so that it can stop early. Windows come in
    /// increasing order, start at a multiple of 64, and the scorer must not have passed
    /// <paramref name="start"/>. Overrides walk their cursors directly, without frequencies or scores.
    /// </summary>
    public virtual void AddMatches(ulong[] bits, int start, int end)
    {
        for (var doc = DocId < start ? Advance(start) : DocId; doc < end; doc = NextDoc())
        {
            var slot = doc - start;
            bits[slot >> 6] |= 1UL << slot;
        }
    }
}
