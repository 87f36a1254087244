namespace Paperboy.Search.Indexing;

/// <summary>
/// Accumulates the postings of one field for a run of documents added in id order, by term id.
/// Each term's postings grow in one byte buffer, already in the packed form of
/// <see cref="Postings"/> with a doc-id gap in front of each posting, so a term costs one array
/// (not four growing lists) and the final postings are a copy, not a re-encoding. Occurrences of a
/// document are collected, then sorted by (term, position) and written term by term.
/// </summary>
internal sealed class PostingsWriter
{
    private byte[]?[] _buffers = new byte[]?[1024];
    private int[] _lengths = new int[1024];
    private int[] _lastDocs = new int[1024];
    private int[] _postingCounts = new int[1024];
    private int[] _docGapBytes = new int[1024];
    private long[] _pending = new long[256];
    private int _pendingCount;

    /// <summary>Records that the term occurs at this position of the current document.</summary>
    public void Add(int termId, int position)
    {
        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }
        _pending[_pendingCount++] = ((long)termId << 32) | (uint)position;
    }

    /// <summary>Writes the occurrences added since the last call as document <paramref name="doc"/>'s postings; returns their number (the field length).</summary>
    public int EndDocument(int doc)
    {
        var occurrences = _pending.AsSpan(0, _pendingCount);
        occurrences.Sort();
        var i = 0;
        while (i < occurrences.Length)
        {
            var termId = (int)(occurrences[i] >> 32);
            var end = i + 1;
            while (end < occurrences.Length && (int)(occurrences[end] >> 32) == termId)
            {
                end++;
            }
            Write(termId, doc, occurrences[i..end]);
            i = end;
        }
        _pendingCount = 0;
        return occurrences.Length;
    }

    public bool Has(int termId) => termId < _buffers.Length && _buffers[termId] is not null;

    public int PostingCount(int termId) => _postingCounts[termId];

    /// <summary>The bytes the term's postings take in <see cref="Postings.Data"/>: everything but the doc gaps.</summary>
    public int DataBytes(int termId) => _lengths[termId] - _docGapBytes[termId];

    /// <summary>
    /// Appends the term's postings to the arrays of a <see cref="Postings"/> being assembled, with
    /// doc ids offset by <paramref name="docBase"/>; advances the two cursors.
    /// </summary>
    public void CopyTo(int termId, int docBase, int[] docs, int[] starts, byte[] data, ref int posting, ref int dataOffset)
    {
        var buffer = _buffers[termId]!;
        var length = _lengths[termId];
        var offset = 0;
        var doc = -1;
        while (offset < length)
        {
            doc += VarInt.Read(buffer, ref offset);
            var postingStart = offset;
            var freq = VarInt.Read(buffer, ref offset);
            for (var skipped = 0; skipped < freq; offset++)
            {
                if (buffer[offset] < 0x80)
                {
                    skipped++;
                }
            }
            docs[posting] = docBase + doc;
            starts[posting++] = dataOffset;
            buffer.AsSpan(postingStart, offset - postingStart).CopyTo(data.AsSpan(dataOffset));
            dataOffset += offset - postingStart;
        }
    }

    private void Write(int termId, int doc, ReadOnlySpan<long> occurrences)
    {
        EnsureTerm(termId);
        var length = _lengths[termId];
        var needed = length + (VarInt.MaxBytes * (occurrences.Length + 2));
        ref var buffer = ref _buffers[termId];
        if (buffer is null || buffer.Length < needed)
        {
            var grown = new byte[Math.Max(needed, buffer is null ? 16 : buffer.Length * 2)];
            buffer?.AsSpan(0, length).CopyTo(grown);
            buffer = grown;
        }
        var afterGap = VarInt.Write(buffer, length, doc - _lastDocs[termId]);
        _docGapBytes[termId] += afterGap - length;
        var offset = VarInt.Write(buffer, afterGap, occurrences.Length);
        var previous = 0;
        foreach (var occurrence in occurrences)
        {
            var position = (int)occurrence;
            offset = VarInt.Write(buffer, offset, position - previous);
            previous = position;
        }
        _lengths[termId] = offset;
        _lastDocs[termId] = doc;
        _postingCounts[termId]++;
    }

    private void EnsureTerm(int termId)
    {
        if (termId < _buffers.Length)
        {
            if (_buffers[termId] is null)
            {
                _lastDocs[termId] = -1;
            }
            return;
        }
        var size = Math.Max(termId + 1, _buffers.Length * 2);
        Array.Resize(ref _buffers, size);
        Array.Resize(ref _lengths, size);
        Array.Resize(ref _lastDocs, size);
        Array.Resize(ref _postingCounts, size);
        Array.Resize(ref _docGapBytes, size);
        _lastDocs[termId] = -1;
    }
}
