namespace Paperboy.Search.Indexing;

/// <summary>
/// Accumulates the postings of one field for a run of documents added in id order, by term id.
/// Each term's postings grow in one byte buffer: per posting the doc-id gap and the frequency as
/// <see cref="VarInt"/>s, and the positions as the positions blob of <see cref="PostingsFormat"/> holds
/// them (<see cref="PrefixVarInt"/>s), so a term costs
/// one array (not four growing lists) and the block encoder copies the positions as they are. Occurrences of a
/// document are collected, then grouped by term with a counting sort (linear, and positions stay
/// ascending because they arrive in order) and written term by term.
/// </summary>
internal sealed class PostingsWriter
{
    private const int BlockSize = ByteBlockPool.BlockSize;

    // One struct a term, so writing a posting touches one cache line of bookkeeping, not five arrays.
    private TermState[] _terms = new TermState[1024];
    private readonly List<byte[]> _blocks = [];
    private int _current = -1;
    private int _used;
    // The current document: its occurrences in order, the distinct terms in order of first
    // occurrence, and per term (zero between documents) its count, then its slot in _grouped.
    private int[] _pendingTerms = new int[256];
    private int[] _pendingPositions = new int[256];
    private int _pendingCount;
    private int[] _docTerms = new int[256];
    private int _docTermCount;
    private int[] _counts = new int[1024];
    private int[] _grouped = new int[256];
    private readonly ByteBlockPool _pool;

    /// <param name="pool">Where blocks come from; a writer of its own when null.</param>
    public PostingsWriter(ByteBlockPool? pool = null)
    {
        _pool = pool ?? new ByteBlockPool();
    }

    /// <summary>The blocks holding the postings, to hand back to the pool once the segment is written.</summary>
    public IReadOnlyList<byte[]> Blocks => _blocks;

    /// <summary>Records that the term occurs at this position of the current document; positions must ascend.</summary>
    public void Add(int termId, int position)
    {
        if (_pendingCount == _pendingTerms.Length)
        {
            Array.Resize(ref _pendingTerms, _pendingCount * 2);
            Array.Resize(ref _pendingPositions, _pendingCount * 2);
            Array.Resize(ref _grouped, _pendingCount * 2);
        }
        if (termId >= _counts.Length)
        {
            Array.Resize(ref _counts, Math.Max(termId + 1, _counts.Length * 2));
        }
        if (_counts[termId]++ == 0)
        {
            if (_docTermCount == _docTerms.Length)
            {
                Array.Resize(ref _docTerms, _docTermCount * 2);
            }
            _docTerms[_docTermCount++] = termId;
        }
        _pendingTerms[_pendingCount] = termId;
        _pendingPositions[_pendingCount++] = position;
    }

    /// <summary>Writes the occurrences added since the last call as document <paramref name="doc"/>'s postings; returns their number (the field length).</summary>
    public int EndDocument(int doc)
    {
        // Counts become each term's first slot, then slots fill in occurrence order.
        var slot = 0;
        for (var t = 0; t < _docTermCount; t++)
        {
            var termId = _docTerms[t];
            var count = _counts[termId];
            _counts[termId] = slot;
            slot += count;
        }
        for (var i = 0; i < _pendingCount; i++)
        {
            _grouped[_counts[_pendingTerms[i]]++] = _pendingPositions[i];
        }
        // Each term's counter now points at the end of its run.
        var start = 0;
        for (var t = 0; t < _docTermCount; t++)
        {
            var termId = _docTerms[t];
            var end = _counts[termId];
            Write(termId, doc, _grouped.AsSpan(start, end - start));
            _counts[termId] = 0;
            start = end;
        }
        var length = _pendingCount;
        _pendingCount = 0;
        _docTermCount = 0;
        return length;
    }

    public bool Has(int termId) => termId < _terms.Length && _terms[termId].Capacity > 0;

    /// <summary>The bytes the term's postings take here: what encoding them costs, roughly.</summary>
    public int Bytes(int termId) => _terms[termId].Length;

    /// <summary>
    /// Gives the term's postings to <paramref name="encoder"/>, doc ids offset by <paramref name="docBase"/>,
    /// each with its field length from <paramref name="lengths"/>; positions go as the bytes they are here.
    /// </summary>
    public void WriteTo(int termId, int docBase, int[] lengths, PostingsEncoder encoder)
    {
        ref readonly var term = ref _terms[termId];
        var buffer = _blocks[term.Block];
        var offset = term.Offset;
        var end = term.Offset + term.Length;
        var doc = docBase - 1;
        while (offset < end)
        {
            doc += VarInt.Read(buffer, ref offset);
            var freq = VarInt.Read(buffer, ref offset);
            var positionsStart = offset;
            offset = PrefixVarInt.Skip(buffer, offset, freq);
            encoder.Add(doc, freq, buffer.AsSpan(positionsStart, offset - positionsStart), lengths[doc]);
        }
    }

    private void Write(int termId, int doc, ReadOnlySpan<int> positions)
    {
        if (termId >= _terms.Length)
        {
            Array.Resize(ref _terms, Math.Max(termId + 1, _terms.Length * 2));
        }
        ref var term = ref _terms[termId];
        var needed = term.Length + (VarInt.MaxBytes * (positions.Length + 2));
        if (term.Capacity == 0)
        {
            term.LastDoc = -1;
            Place(ref term, Math.Max(needed, 16));
        }
        else if (term.Capacity < needed)
        {
            var (block, offset) = (term.Block, term.Offset);
            Place(ref term, Math.Max(needed, term.Capacity * 2));
            _blocks[block].AsSpan(offset, term.Length).CopyTo(_blocks[term.Block].AsSpan(term.Offset));
        }
        var buffer = _blocks[term.Block];
        var afterGap = VarInt.Write(buffer, term.Offset + term.Length, doc - term.LastDoc);
        var at = VarInt.Write(buffer, afterGap, positions.Length);
        var previous = 0;
        foreach (var position in positions)
        {
            at = PrefixVarInt.Write(buffer, at, (uint)(position - previous));
            previous = position;
        }
        term.Length = at - term.Offset;
        term.LastDoc = doc;
    }

    // Gives the term a region of this capacity: the rest of the current block, a new block, or, for a
    // region bigger than a quarter block, a block of its own (so a common term wastes no block's end),
    // from the pool unless it is bigger than a block.
    private void Place(ref TermState term, int capacity)
    {
        if (capacity > BlockSize / 4)
        {
            _blocks.Add(capacity <= BlockSize ? _pool.Rent() : new byte[capacity]);
            (term.Block, term.Offset) = (_blocks.Count - 1, 0);
            capacity = Math.Max(capacity, _blocks[^1].Length);
        }
        else
        {
            if (_current < 0 || _blocks[_current].Length - _used < capacity)
            {
                _blocks.Add(_pool.Next(_current < 0 ? 0 : _blocks[_current].Length, capacity));
                _current = _blocks.Count - 1;
                _used = 0;
            }
            (term.Block, term.Offset) = (_current, _used);
            _used += capacity;
        }
        term.Capacity = capacity;
    }

    private struct TermState
    {
        public int Block;
        public int Offset;
        public int Capacity;
        public int Length;
        public int LastDoc;
    }
}
