namespace Paperboy.Search.Indexing;

/// <summary>Accumulates one term's postings while documents are added in id order.</summary>
internal sealed class PostingsBuilder
{
    private readonly List<int> _docs = [];
    private readonly List<int> _freqs = [];
    private readonly List<int> _positionStarts = [];
    private readonly List<int> _positions = [];

    public void Add(int doc, int position)
    {
        if (_docs.Count == 0 || _docs[^1] != doc)
        {
            _docs.Add(doc);
            _freqs.Add(0);
            _positionStarts.Add(_positions.Count);
        }
        _freqs[^1]++;
        _positions.Add(position);
    }

    public Postings Build()
    {
        _positionStarts.Add(_positions.Count);
        return new Postings([.. _docs], [.. _freqs], [.. _positionStarts], [.. _positions]);
    }
}
