using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>Walks one term's postings; Advance gallops, then binary-searches, over the doc ids.</summary>
internal sealed class PostingsCursor : IFieldCursor
{
    private readonly Postings _postings;
    private int _index = -1;
    // Positions are decoded once per document, on demand: phrase and proximity checks read them
    // many times, plain term scoring never.
    private int[] _positions = new int[8];
    private int _positionsIndex = -1;
    private int _positionCount;

    public PostingsCursor(Postings postings)
    {
        _postings = postings;
    }

    public int DocId { get; private set; } = -1;

    public int Freq => _postings.FreqAt(_index);

    public ReadOnlySpan<int> Positions
    {
        get
        {
            if (_positionsIndex != _index)
            {
                _positionCount = _postings.PositionsAt(_index, ref _positions);
                _positionsIndex = _index;
            }
            return _positions.AsSpan(0, _positionCount);
        }
    }

    public int NextDoc() => MoveTo(_index + 1);

    public int Advance(int target)
    {
        if (DocId >= target)
        {
            return DocId;
        }
        var docs = _postings.Docs;
        var low = _index + 1;
        var step = 1;
        var high = low;
        while (high < docs.Length && docs[high] < target)
        {
            low = high + 1;
            high += step;
            step <<= 1;
        }
        high = Math.Min(high, docs.Length - 1);
        if (low > high)
        {
            return MoveTo(docs.Length);
        }
        var found = Array.BinarySearch(docs, low, high - low + 1, target);
        return MoveTo(found >= 0 ? found : ~found);
    }

    private int MoveTo(int index)
    {
        _index = index;
        DocId = index < _postings.Docs.Length ? _postings.Docs[index] : Scorer.NoMoreDocs;
        return DocId;
    }
}
