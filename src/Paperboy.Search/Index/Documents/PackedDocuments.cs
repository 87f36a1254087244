namespace Paperboy.Search.Indexing;

/// <summary>
/// Documents held as their encoded records, packed back to back in a few large blocks: what the
/// index writer builds a segment with. One object per block rather than one per document (or several
/// strings per document) keeps a segment's worth of documents out of the collector's way while it is
/// being built.
/// </summary>
internal sealed class PackedDocuments : StoredDocuments
{
    private readonly List<byte[]> _blocks;
    private readonly int[] _blockOf;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly string _name;

    private PackedDocuments(string name, List<byte[]> blocks, int[] blockOf, int[] starts, int[] lengths)
    {
        _name = name;
        _blocks = blocks;
        _blockOf = blockOf;
        _starts = starts;
        _lengths = lengths;
    }

    public override int Count => _starts.Length;

    public override SearchDocument Get(int doc) => DocumentRecord.Read(Record(doc), _name, doc);

    public override void CopyRecord(int doc, ByteBuffer output) => output.Write(Record(doc));

    private ReadOnlySpan<byte> Record(int doc) => _blocks[_blockOf[doc]].AsSpan(_starts[doc], _lengths[doc]);

    /// <summary>Collects records in doc order; <paramref name="name"/> names the documents in an error about a damaged record.</summary>
    internal sealed class Builder(string name, ByteBlockPool? pool = null)
    {
        private readonly List<byte[]> _blocks = [];
        private readonly ByteBuffer _record = new(4096);
        private int[] _blockOf = new int[1024];
        private int[] _starts = new int[1024];
        private int[] _lengths = new int[1024];
        private int _used;

        public int Count { get; private set; }

        public void Add(SearchDocument document)
        {
            _record.Clear();
            DocumentRecord.Write(document, _record);
            AddRecord(_record.WrittenSpan);
        }

        private void AddRecord(ReadOnlySpan<byte> record)
        {
            if (Count == _starts.Length)
            {
                Array.Resize(ref _blockOf, Count * 2);
                Array.Resize(ref _starts, Count * 2);
                Array.Resize(ref _lengths, Count * 2);
            }
            if (_blocks.Count == 0 || _blocks[^1].Length - _used < record.Length)
            {
                var last = _blocks.Count == 0 ? 0 : _blocks[^1].Length;
                _blocks.Add(pool?.Next(last, record.Length) ?? ByteBlockPool.Grown(last, record.Length));
                _used = 0;
            }
            record.CopyTo(_blocks[^1].AsSpan(_used));
            _blockOf[Count] = _blocks.Count - 1;
            _starts[Count] = _used;
            _lengths[Count] = record.Length;
            _used += record.Length;
            Count++;
        }

        /// <summary>The blocks holding the records, to hand back to the pool once the documents are written.</summary>
        public IReadOnlyList<byte[]> Blocks => _blocks;

        public PackedDocuments Build() => new(name, _blocks, _blockOf[..Count], _starts[..Count], _lengths[..Count]);
    }
}
