namespace Paperboy.Search.Indexing;

/// <summary>
/// The documents of a segment as they were indexed, for highlighting and relevance feedback (a few
/// dozen a query) and for merging. In memory for a segment just built or merged; in the segment's
/// .pbd file, read a record at a time, for a segment opened from disk.
/// </summary>
internal abstract class StoredDocuments : IDisposable
{
    public abstract int Count { get; }

    public abstract SearchDocument Get(int doc);

    /// <summary>Appends the document's record (<see cref="DocumentRecord"/>) to <paramref name="output"/>.</summary>
    public abstract void CopyRecord(int doc, ByteBuffer output);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
