namespace Paperboy.Search.Indexing;

/// <summary>
/// An immutable set of indexed documents with ids 0..DocCount-1: one field index per text field,
/// per-document values, the documents' keys and the stored documents. Searches only read it, so any
/// number may run at once. A segment opened from disk (<see cref="Storage.SegmentFiles"/>) holds its
/// stored documents' file open until disposed; a segment built in memory holds nothing to release.
/// </summary>
internal sealed class Segment : IDisposable
{
    private readonly string[] _keys;
    private Dictionary<string, int[]>? _docsByKey;

    public Segment(FieldIndex[] fields, DocValues values, string[] keys, StoredDocuments documents)
    {
        if (fields.Length != Fields.Count || fields.Any(f => f.Lengths.Length != keys.Length)
            || values.DocCount != keys.Length || documents.Count != keys.Length)
        {
            throw new ArgumentException("search index: a segment's fields, values, keys and documents must cover the same documents");
        }
        FieldIndexes = fields;
        Values = values;
        _keys = keys;
        StoredDocuments = documents;
    }

    public FieldIndex[] FieldIndexes { get; }
    public DocValues Values { get; }
    public int DocCount => _keys.Length;

    /// <summary>The bits of the filters searches have used on this segment.</summary>
    public FilterBitsCache FilterBits { get; } = new();

    internal StoredDocuments StoredDocuments { get; }

    public FieldIndex this[Field field] => FieldIndexes[(int)field];

    /// <summary>The caller's key of a document, kept in memory: ties and filter-only lists sort by it.</summary>
    public string Key(int doc) => _keys[doc];

    /// <summary>
    /// The documents with this key (more than one only when older versions are deleted beside the
    /// live one). The map is built on first use and kept: only searches that check documents by key
    /// (filters applied to another ranking, docs/SEMANTIC.md) pay for it.
    /// </summary>
    public ReadOnlySpan<int> DocsOf(string key)
    {
        var map = _docsByKey;
        if (map is null)
        {
            map = new Dictionary<string, int[]>(_keys.Length, StringComparer.Ordinal);
            for (int doc = 0; doc < _keys.Length; doc++)
            {
                map[_keys[doc]] = map.TryGetValue(_keys[doc], out var earlier) ? [.. earlier, doc] : [doc];
            }
            _docsByKey = map;
        }
        return map.TryGetValue(key, out var docs) ? docs : [];
    }

    /// <summary>
    /// The same segment with its stored documents read from <paramref name="documents"/>: what
    /// <see cref="Storage.SegmentFiles.WriteAndOpen"/> makes of a segment built in memory once its
    /// files are written, keeping the arrays it built instead of reading them back.
    /// </summary>
    public Segment WithDocuments(StoredDocuments documents) => new(FieldIndexes, Values, _keys, documents);

    /// <summary>The document as it was indexed; for a segment on disk, one read of its record.</summary>
    public SearchDocument Document(int doc) => StoredDocuments.Get(doc);

    /// <summary>
    /// The bytes of the inverted index with positions (term dictionaries, postings and positions of
    /// every field), without field lengths, per-document values, keys and stored documents.
    /// </summary>
    public long InvertedIndexBytes => FieldIndexes.Sum(f => f.InvertedIndexBytes);

    public void Dispose() => StoredDocuments.Dispose();
}
