namespace Paperboy.Search.Scoring;

/// <summary>
/// Documents where the terms occur at the given relative positions in one field. The offsets
/// keep stop-word gaps from the query ("bag of words" is bag at 0, words at 2). Freq is the
/// number of places the whole phrase starts.
/// </summary>
internal sealed class PhraseCursor : IFieldCursor
{
    private readonly PostingsCursor[] _terms;
    private readonly int[] _offsets;

    public PhraseCursor(PostingsCursor[] terms, int[] offsets)
    {
        _terms = terms;
        _offsets = offsets;
        // Every start of the phrase is a position of each term, and a field holding the phrase holds
        // each term: the rarest term caps the frequency, the term with the longest shortest field the length.
        MaxFreq = terms.Min(t => t.MaxFreq);
        MinFieldLength = terms.Max(t => t.MinFieldLength);
    }

    public int DocId { get; private set; } = -1;

    public int Freq { get; private set; }

    public int MaxFreq { get; }

    public int MinFieldLength { get; }

    public void AddMatches(ulong[] bits, int start, int end)
    {
        for (var doc = DocId < start ? Advance(start) : DocId; doc < end; doc = NextDoc())
        {
            var slot = doc - start;
            bits[slot >> 6] |= 1UL << slot;
        }
    }

    public int NextDoc() => DocId == Scorer.NoMoreDocs ? DocId : Find(DocId + 1);

    public int Advance(int target) => DocId >= target ? DocId : Find(target);

    private int Find(int target)
    {
        while (true)
        {
            var doc = AlignAll(target);
            if (doc == Scorer.NoMoreDocs)
            {
                Freq = 0;
                return DocId = Scorer.NoMoreDocs;
            }
            Freq = CountPhrases();
            if (Freq > 0)
            {
                return DocId = doc;
            }
            target = doc + 1;
        }
    }

    // Leapfrog until every term is on the same document.
    private int AlignAll(int target)
    {
        while (true)
        {
            var agreed = true;
            foreach (var term in _terms)
            {
                var doc = term.Advance(target);
                if (doc == Scorer.NoMoreDocs)
                {
                    return Scorer.NoMoreDocs;
                }
                if (doc > target)
                {
                    target = doc;
                    agreed = false;
                    break;
                }
            }
            if (agreed)
            {
                return target;
            }
        }
    }

    private int CountPhrases()
    {
        var count = 0;
        foreach (var start in _terms[0].Positions)
        {
            var origin = start - _offsets[0];
            var all = true;
            for (var t = 1; t < _terms.Length && all; t++)
            {
                all = _terms[t].Positions.BinarySearch(origin + _offsets[t]) >= 0;
            }
            if (all)
            {
                count++;
            }
        }
        return count;
    }
}
