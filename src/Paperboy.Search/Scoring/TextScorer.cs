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
    private double[]? _boundsAfter;

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

    /// <summary>
    /// The window's pseudo frequencies are summed field by field into one array (each field's postings
    /// read in one tight loop), then saturated: the same additions in the same order as
    /// <see cref="Score"/>'s, so the same scores to the last bit. Given a <paramref name="minScore"/>,
    /// the score is turned into the pseudo frequency a match must exceed, and a field's block is passed
    /// over, undecoded, when its bound added to the most any of its documents gathered from the earlier
    /// fields and to the later fields' bounds cannot exceed it. Documents left at or below it are dropped
    /// from <paramref name="matched"/> before the division of the saturation.
    /// </summary>
    public override void ScoreWindow(int start, int end, double[] scores, ulong[] matched, double minScore)
    {
        var frequencies = WindowBuffers.Frequencies(scores.Length);
        try
        {
            AccumulateAndSaturate(start, end, scores, matched, minScore, frequencies);
        }
        catch
        {
            Array.Clear(frequencies); // a damaged segment must not leave sums behind for the next window
            throw;
        }
    }

    private void AccumulateAndSaturate(int start, int end, double[] scores, ulong[] matched, double minScore, double[] frequencies)
    {
        var least = LeastPseudoFrequency(minScore);
        _boundsAfter ??= BoundsAfter();
        var min = NoMoreDocs;
        for (var i = 0; i < _cursors.Length; i++)
        {
            var field = _fields[i];
            if (_cursors[i] is PostingsCursor postings)
            {
                postings.AccumulateWindow(start, end, _bm25, field, frequencies, matched, least - _boundsAfter[i]);
            }
            else
            {
                var cursor = _cursors[i];
                for (var doc = cursor.DocId < start ? cursor.Advance(start) : cursor.DocId; doc < end; doc = cursor.NextDoc())
                {
                    var slot = doc - start;
                    frequencies[slot] += _bm25.FieldFrequency(field, doc, cursor.Freq);
                    matched[slot >> 6] |= 1UL << slot;
                }
            }
            min = Math.Min(min, _cursors[i].DocId);
        }
        var words = (end - start + 63) >> 6;
        for (var w = 0; w < words; w++)
        {
            for (var word = matched[w]; word != 0; word &= word - 1)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                var slot = (w << 6) + bit;
                if (frequencies[slot] > least)
                {
                    scores[slot] = _idf * _bm25.Saturate(frequencies[slot]);
                }
                else
                {
                    matched[w] &= ~(1UL << bit);
                }
                frequencies[slot] = 0;
            }
        }
        _doc = min;
    }

    // Per field, the most the fields after it can add to a pseudo frequency.
    private double[] BoundsAfter()
    {
        var after = new double[_cursors.Length];
        for (var i = _cursors.Length - 2; i >= 0; i--)
        {
            after[i] = after[i + 1] + _bm25.FieldFrequencyBound(_fields[i + 1], _cursors[i + 1].MinFieldLength, _cursors[i + 1].MaxFreq);
        }
        return after;
    }

    /// <summary>
    /// A pseudo frequency at or below which the score cannot exceed <paramref name="minScore"/>, or -1
    /// when every match must be kept. Inverting sat(x) = x / (k1 + x) gives k1 r / (1 - r) for
    /// r = minScore / idf; a millionth less than that absorbs every rounding of the sums and the inversion.
    /// </summary>
    private double LeastPseudoFrequency(double minScore)
    {
        var r = minScore / _idf;
        if (!(r > 0) || r >= 0.999)
        {
            return -1;
        }
        return _bm25.K1 * r / (1 - r) * (1 - 1e-6);
    }

    public override void AddMatches(ulong[] bits, int start, int end)
    {
        var next = NoMoreDocs;
        foreach (var cursor in _cursors)
        {
            cursor.AddMatches(bits, start, end);
            next = Math.Min(next, cursor.DocId);
        }
        _doc = next;
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
