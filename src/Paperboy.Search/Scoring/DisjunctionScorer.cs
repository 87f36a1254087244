namespace Paperboy.Search.Scoring;

/// <summary>
/// Documents matching any sub-scorer (OR), scored by the sum of the sub-scorers on it. A linear
/// scan over the subs per document: queries are capped at a few dozen clauses, where this beats
/// a heap; a heap (or WAND over score bounds) is the upgrade for much longer queries.
/// </summary>
internal sealed class DisjunctionScorer : Scorer
{
    private readonly Scorer[] _scorers;
    private int _doc = -1;

    public DisjunctionScorer(Scorer[] scorers)
    {
        _scorers = scorers;
    }

    public override int DocId => _doc;

    public override int NextDoc() => _doc == NoMoreDocs ? _doc : Advance(_doc + 1);

    public override int Advance(int target)
    {
        if (_doc >= target)
        {
            return _doc;
        }
        var min = NoMoreDocs;
        foreach (var scorer in _scorers)
        {
            var doc = scorer.DocId < target ? scorer.Advance(target) : scorer.DocId;
            min = Math.Min(min, doc);
        }
        return _doc = min;
    }

    public override void AddMatches(ulong[] bits, int start, int end)
    {
        var next = NoMoreDocs;
        foreach (var scorer in _scorers)
        {
            scorer.AddMatches(bits, start, end);
            next = Math.Min(next, scorer.DocId);
        }
        _doc = next;
    }

    public override double Score()
    {
        var sum = 0.0;
        foreach (var scorer in _scorers)
        {
            if (scorer.DocId == _doc)
            {
                sum += scorer.Score();
            }
        }
        return sum;
    }
}
