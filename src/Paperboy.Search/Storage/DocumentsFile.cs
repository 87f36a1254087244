using Paperboy.Search.Indexing;

namespace Paperboy.Search.Storage;

/// <summary>
/// A segment's .pbd file: the stored documents, which searches read a few dozen at a time (snippets,
/// feedback) and a merge reads once, so they stay on disk. After the magic: each document's
/// <see cref="DocumentRecord"/>, back to back; the file offset of each record and of the records' end
/// (doc count + 1 int64s); the doc count (int32) and where that offset table starts (int64); the footer.
/// </summary>
internal static class DocumentsFile
{
    /// <summary>The bytes after the offset table and before the footer.</summary>
    public const int TrailerLength = 12;

    public static void Write(StoredDocuments documents, string path, CancellationToken cancellationToken)
    {
        using var output = new IndexOutput(path, IndexFileFormat.DocumentsMagic);
        var offsets = new long[documents.Count + 1];
        var record = new ByteBuffer(4096);
        for (var doc = 0; doc < documents.Count; doc++)
        {
            if ((doc & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            offsets[doc] = output.Position;
            record.Clear();
            documents.CopyRecord(doc, record);
            output.WriteBytes(record.WrittenSpan);
        }
        offsets[^1] = output.Position;
        var tableStart = output.Position;
        output.WriteInt64s(offsets);
        output.WriteInt32(documents.Count);
        output.WriteInt64(tableStart);
        output.Finish();
    }
}
