namespace Paperboy.Search.Indexing;

/// <summary>
/// An immutable set of indexed documents with ids 0..DocCount-1: one field index per text field,
/// per-document values and the stored documents. Searches only read it, so any number may run
/// at once. Today an index has one segment; the persistent engine will have several.
/// </summary>
internal sealed class Segment
{
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

    public string Key(int doc) => Documents[doc].Key;

    public SearchDocument Document(int doc) => Documents[doc];
}
