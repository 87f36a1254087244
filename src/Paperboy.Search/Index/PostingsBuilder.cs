namespace Paperboy.Search.Indexing;

/// <summary>
/// Accumulates one term's postings while documents are added in id order, in plain lists: the
/// reference <see cref="PostingsWriter"/> is tested against (see <see cref="ReferenceSegmentWriter"/>).
/// </summary>
internal sealed class PostingsBuilder
{
    private readonly List<int> _docs = [];
    private readonly List<List<int>> _positions = [];

    public void Add(int doc, int position)
    {
        if (_docs.Count == 0 || _docs[^1] != doc)
        {
            _docs.Add(doc);
            _positions.Add([]);
        }
        _positions[^1].Add(position);
    }

    public Postings Build() => Postings.FromPlain(_docs, _positions);
}
