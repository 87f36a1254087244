using System.Collections.Concurrent;

namespace Paperboy.Search.Indexing;

/// <summary>
/// An immutable set of indexed documents with ids 0..DocCount-1: one field index per text field,
/// per-document values and the stored documents. Searches only read it, so any number may run
/// at once. Today an index has one segment; the persistent engine will have several.
/// </summary>
internal sealed class Segment
{
    private readonly ConcurrentDictionary<string, int> _proseDocFrequencies = new(StringComparer.Ordinal);

    public Segment(FieldIndex[] fields, DocValues values, SearchDocument[] documents)
    {
        FieldIndexes = fields;
        Values = values;
        Documents = documents;
    }

    public FieldIndex[] FieldIndexes { get; }
    public DocValues Values { get; }
    public SearchDocument[] Documents { get; }
    public int DocCount => Documents.Length;

    public FieldIndex this[Field field] => FieldIndexes[(int)field];

    /// <summary>
    /// How many documents hold <paramref name="term"/> in the title or the abstract (the n of a
    /// feedback word's idf), counted by <paramref name="count"/> on first use and then kept: the segment
    /// never changes, and feedback words, the feedback documents' commonest words, have the longest
    /// postings, so merging a title and an abstract list on every search cost more than the rest of
    /// the search. At most one entry per term of the segment.
    /// </summary>
    public int ProseDocFrequency(string term, Func<string, int> count) => _proseDocFrequencies.GetOrAdd(term, count);
}
