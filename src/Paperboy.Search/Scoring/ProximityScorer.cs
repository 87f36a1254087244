using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>
/// Extra score for a document where two adjacent query words occur close together: BM25TP of
/// Rasolofo &amp; Savoy (ECIR 2003), with their per-field pair weights combined the BM25F way
/// (weighted, length-normalised, summed, then saturated once) and the pair weighed by the smaller
/// idf of its two words, as they do:  score = weight * min(idf_a, idf_b) * acc~ / (k1 + acc~).
/// It matches only documents that hold both words, so it adds score and never adds matches.
/// </summary>
internal sealed class ProximityScorer : Scorer
{
    private readonly PairCursor[] _cursors;
    private readonly Field[] _fields;
    private readonly Bm25F _bm25;
    private readonly double _boost;
    private readonly int _window;
    private int _doc = -1;

    public ProximityScorer(PairCursor[] cursors, Field[] fields, Bm25F bm25, double boost, int window)
    {
        _cursors = cursors;
        _fields = fields;
        _bm25 = bm25;
        _boost = boost;
        _window = window;
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
        foreach (var cursor in _cursors)
        {
            min = Math.Min(min, cursor.Advance(target));
        }
        return _doc = min;
    }

    public override double Score()
    {
        var acc = 0.0;
        for (var i = 0; i < _cursors.Length; i++)
        {
            if (_cursors[i].DocId == _doc)
            {
                acc += _bm25.FieldFrequency(_fields[i], _doc, _cursors[i].PairWeight(_window));
            }
        }
        return _boost * _bm25.Saturate(acc);
    }

    /// <summary>The score of a document whose every field holds the pair at its largest possible weight.</summary>
    public override double MaxScore
    {
        get
        {
            var acc = 0.0;
            for (var i = 0; i < _cursors.Length; i++)
            {
                acc += _bm25.FieldFrequencyBound(_fields[i], _cursors[i].MinFieldLength, _cursors[i].MaxPairWeight(_window));
            }
            return ScoreBounds.Above(_boost * _bm25.Saturate(acc));
        }
    }
}
