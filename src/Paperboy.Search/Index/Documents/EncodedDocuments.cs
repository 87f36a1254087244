namespace Paperboy.Search.Indexing;

/// <summary>
/// Documents held as their encoded records, one array each: what a merge produces, since it copies
/// records without decoding them and a record takes about half the memory of the strings it holds.
/// </summary>
internal sealed class EncodedDocuments : StoredDocuments
{
    private readonly byte[][] _records;

    public EncodedDocuments(byte[][] records)
    {
        _records = records;
    }

    public override int Count => _records.Length;

    public override SearchDocument Get(int doc) => DocumentRecord.Read(_records[doc], "merged segment", doc);

    public override void CopyRecord(int doc, ByteBuffer output) => output.Write(_records[doc]);
}
