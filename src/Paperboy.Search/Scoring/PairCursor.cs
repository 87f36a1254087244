namespace Paperboy.Search.Scoring;

/// <summary>Documents where both words of a query pair occur in one field (a leapfrog conjunction).</summary>
internal sealed class PairCursor
{
    private readonly PostingsCursor _first;
    private readonly PostingsCursor _second;

    public PairCursor(PostingsCursor first, PostingsCursor second)
    {
        _first = first;
        _second = second;
    }

    public int DocId { get; private set; } = -1;

    public int Advance(int target)
    {
        if (DocId >= target)
        {
            return DocId;
        }
        var doc = target;
        while (true)
        {
            var a = _first.DocId < doc ? _first.Advance(doc) : _first.DocId;
            var b = _second.DocId < a ? _second.Advance(a) : _second.DocId;
            if (a == b || b == Scorer.NoMoreDocs)
            {
                return DocId = b;
            }
            doc = b;
        }
    }

    /// <summary>The <see cref="Proximity.PairWeight"/> of the two words in the current document.</summary>
    public double PairWeight(int window) => Proximity.PairWeight(_first.Positions, _second.Positions, window);
}
