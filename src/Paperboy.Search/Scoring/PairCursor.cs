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

    /// <summary>No document of the segment has a higher <see cref="PairWeight"/> (see <see cref="Proximity.MaxWeightPerOccurrence"/>).</summary>
    public double MaxPairWeight(int window) => Math.Min(_first.MaxFreq, _second.MaxFreq) * Proximity.MaxWeightPerOccurrence(window);

    /// <summary>A field holding both words is at least as long as the shortest field holding either.</summary>
    public int MinFieldLength => Math.Max(_first.MinFieldLength, _second.MinFieldLength);

    /// <summary>The <see cref="Proximity.PairWeight"/> of the two words in the current document.</summary>
    public double PairWeight(int window) => Proximity.PairWeight(_first.Positions, _second.Positions, window);
}
