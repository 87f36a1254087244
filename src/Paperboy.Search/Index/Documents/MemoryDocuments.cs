namespace Paperboy.Search.Indexing;

/// <summary>The documents a segment was just built from, kept as they were given.</summary>
internal sealed class MemoryDocuments : StoredDocuments
{
    private readonly SearchDocument[] _documents;

    public MemoryDocuments(SearchDocument[] documents)
    {
        _documents = documents;
    }

    public override int Count => _documents.Length;

    public override SearchDocument Get(int doc) => _documents[doc];

    public override void CopyRecord(int doc, ByteBuffer output) => DocumentRecord.Write(_documents[doc], output);
}
