namespace Paperboy.Search.Indexing;

/// <summary>
/// A segment built as documents are added, for <see cref="SearchIndexWriter"/>: each document is
/// analyzed and its record encoded when it comes, so the writer holds postings and packed records
/// instead of the documents' strings, which can then be collected young; only the sorting and block
/// encoding of the terms wait for <see cref="Build"/>, and run on all cores.
/// </summary>
internal sealed class SegmentBuilder
{
    private readonly ByteBlockPool? _pool;
    private readonly SegmentChunk _chunk;
    private readonly DocValuesBuilder _values = new(0);
    private readonly List<string> _keys = [];
    private readonly PackedDocuments.Builder _documents;

    /// <param name="pool">Blocks for postings and records; see <see cref="ReturnBlocks"/>.</param>
    public SegmentBuilder(ByteBlockPool? pool = null)
    {
        _pool = pool;
        _chunk = new SegmentChunk(firstDoc: 0, pool);
        _documents = new PackedDocuments.Builder("new segment", pool);
    }

    public int Count => _keys.Count;

    public void Add(SearchDocument document)
    {
        _chunk.Add(document);
        _values.Set(_keys.Count, document);
        _documents.Add(document);
        _keys.Add(document.Key);
    }

    /// <summary>The segment of every document added, in the order added: what <see cref="SegmentWriter.Write(IReadOnlyList{SearchDocument})"/> makes of them.</summary>
    public Segment Build() => new(SegmentWriter.WriteFields([_chunk]), _values.Build(), [.. _keys], _documents.Build());

    /// <summary>Hands the blocks back to the pool: only once the built segment is written and dropped, since it reads them.</summary>
    public void ReturnBlocks()
    {
        foreach (var field in _chunk.Fields)
        {
            _pool?.Return(field.Blocks);
        }
        _pool?.Return(_documents.Blocks);
    }
}
