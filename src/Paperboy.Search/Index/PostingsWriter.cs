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
    // One struct a term, so writing a posting touches one cache line of bookkeeping, not five arrays.
    private TermState[] _terms = new TermState[1024];
    // The current document: its occurrences in order, the distinct terms in order of first
    // occurrence, and per term (zero between documents) its count, then its slot in _grouped.
    private int[] _pendingTerms = new int[256];
    private int[] _pendingPositions = new int[256];
    private int _pendingCount;
    private int[] _docTerms = new int[256];
    private int _docTermCount;
    private int[] _counts = new int[1024];
    private int[] _grouped = new int[256];

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

    public bool Has(int termId) => termId < _terms.Length && _terms[termId].Buffer is not null;

    /// <summary>The bytes the term's postings take here: what encoding them costs, roughly.</summary>
    public int Bytes(int termId) => _terms[termId].Length;

    /// <summary>
    /// Gives the term's postings to <paramref name="encoder"/>, doc ids offset by <paramref name="docBase"/>,
    /// each with its field length from <paramref name="lengths"/>; positions go as the bytes they are here.
    /// </summary>
    public void WriteTo(int termId, int docBase, int[] lengths, PostingsEncoder encoder)
    {
        var buffer = _terms[termId].Buffer!;
        var length = _terms[termId].Length;
        var offset = 0;
        var doc = docBase - 1;
        while (offset < length)
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
        var length = term.Length;
        var needed = length + (VarInt.MaxBytes * (positions.Length + 2));
        if (term.Buffer is null)
        {
            term.Buffer = new byte[Math.Max(needed, 16)];
            term.LastDoc = -1;
        }
        else if (term.Buffer.Length < needed)
        {
            var grown = new byte[Math.Max(needed, term.Buffer.Length * 2)];
            term.Buffer.AsSpan(0, length).CopyTo(grown);
            term.Buffer = grown;
        }
        var buffer = term.Buffer;
        var afterGap = VarInt.Write(buffer, length, doc - term.LastDoc);
        var offset = VarInt.Write(buffer, afterGap, positions.Length);
        var previous = 0;
        foreach (var position in positions)
        {
            offset = PrefixVarInt.Write(buffer, offset, (uint)(position - previous));
            previous = position;
        }
        term.Length = offset;
        term.LastDoc = doc;
    }

    private struct TermState
    {
        public byte[]? Buffer;
        public int Length;
        public int LastDoc;
    }
}
