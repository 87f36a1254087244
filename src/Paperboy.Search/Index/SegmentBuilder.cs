namespace Paperboy.Search.Indexing;

/// <summary>
/// A segment built as documents are added, for <see cref="SearchIndexWriter"/>: each document is
/// analyzed and its record encoded when it comes, so the writer holds postings and packed records
/// instead of the documents' strings, which can then be collected young; only the sorting and block
/// encoding of the terms wait for <see cref="Build"/>, and run on all cores.
/// </summary>
internal sealed class SegmentBuilder
{
    private readonly SegmentChunk _chunk = new(firstDoc: 0);
    private readonly DocValuesBuilder _values = new(0);
    private readonly List<string> _keys = [];
    private readonly PackedDocuments.Builder _documents = new("new segment");

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
}
