using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>
/// Scores one query word or phrase with BM25F over the fields it may appear in: a document
/// matches when any field cursor is on it, and all fields on it feed one pseudo frequency.
/// </summary>
internal sealed class TextScorer : Scorer
{
    private readonly IFieldCursor[] _cursors;
    private readonly Field[] _fields;
    private readonly Bm25F _bm25;
    private readonly double _idf;
    private int _doc = -1;

    public TextScorer(IFieldCursor[] cursors, Field[] fields, Bm25F bm25, double idf)
    {
        _cursors = cursors;
        _fields = fields;
        _bm25 = bm25;
        _idf = idf;
    }

    public override int DocId => _doc;

    public override int NextDoc()
    {
        if (_doc == NoMoreDocs)
        {
            return _doc;
        }
        return Advance(_doc + 1);
    }

    public override int Advance(int target)
    {
        if (_doc >= target)
        {
            return _doc;
        }
        var min = NoMoreDocs;
        foreach (var cursor in _cursors)
        {
            var doc = cursor.DocId < target ? cursor.Advance(target) : cursor.DocId;
            min = Math.Min(min, doc);
        }
        return _doc = min;
    }

    public override double Score() => _idf * _bm25.Saturate(PseudoFrequency());

    /// <summary>
    /// The score of a document holding the term as often as the list's highest frequency, in fields
    /// as short as the list's shortest, in every field at once: no document beats all three.
    /// </summary>
    public override double MaxScore
    {
        get
        {
            var tf = 0.0;
            for (var i = 0; i < _cursors.Length; i++)
            {
                tf += _bm25.FieldFrequencyBound(_fields[i], _cursors[i].MinFieldLength, _cursors[i].MaxFreq);
            }
            return ScoreBounds.Above(_idf * _bm25.Saturate(tf));
        }
    }

    public override void AddMatches(ulong[] bits)
    {
        foreach (var cursor in _cursors)
        {
            cursor.AddMatches(bits);
        }
        _doc = NoMoreDocs;
    }

    private double PseudoFrequency()
    {
        var tf = 0.0;
        for (var i = 0; i < _cursors.Length; i++)
        {
            if (_cursors[i].DocId == _doc)
            {
                tf += _bm25.FieldFrequency(_fields[i], _doc, _cursors[i].Freq);
            }
        }
        return tf;
    }
}
