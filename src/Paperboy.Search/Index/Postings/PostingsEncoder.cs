namespace Paperboy.Search.Indexing;

/// <summary>
/// Writes terms' postings in the block format of <see cref="PostingsFormat"/>: postings are added in
/// doc order, with each document's positions already as varint bytes (the form both the chunk buffers
/// of <see cref="PostingsWriter"/> and a segment being merged hold them in, so they are copied, never
/// decoded); a full block is packed as soon as it fills, and <see cref="FinishTerm"/> writes the header,
/// the skip table and the blocks, which it holds until then. One encoder serves many terms, one after another; not thread-safe.
/// </summary>
internal sealed class PostingsEncoder
{
    private readonly ByteBuffer _postings;
    private readonly ByteBuffer _positions;
    private readonly ByteBuffer _blocks = new(4096);
    private readonly ByteBuffer _skipTable = new(256);
    private readonly List<SkipEntry> _skips = [];
    private readonly int[] _gaps = new int[PostingsFormat.BlockSize];
    private readonly int[] _freqs = new int[PostingsFormat.BlockSize];
    private int _count;
    private int _docFrequency;
    private int _lastDoc = -1;
    private int _termPositionsStart;
    private int _blockPositionsOffset;
    private int _blockMaxFreq;
    private int _blockMinLength = int.MaxValue;
    private int _maxFreq;
    private int _minLength = int.MaxValue;

    /// <param name="postings">Where each finished term's region is appended.</param>
    /// <param name="positions">Where positions are appended as postings are added.</param>
    public PostingsEncoder(ByteBuffer postings, ByteBuffer positions)
    {
        _postings = postings;
        _positions = positions;
    }

    /// <summary>Adds the next posting of the current term: a doc id above the last one, its frequency, positions and field length.</summary>
    public void Add(int doc, int freq, ReadOnlySpan<byte> positions, int fieldLength)
    {
        if (_docFrequency == 0)
        {
            _termPositionsStart = _positions.Length;
        }
        if (_count == 0)
        {
            _blockPositionsOffset = _positions.Length - _termPositionsStart;
        }
        _gaps[_count] = doc - _lastDoc - 1;
        _freqs[_count] = freq;
        _blockMaxFreq = Math.Max(_blockMaxFreq, freq);
        _blockMinLength = Math.Min(_blockMinLength, fieldLength);
        _lastDoc = doc;
        _positions.Write(positions);
        _docFrequency++;
        if (++_count == PostingsFormat.BlockSize)
        {
            WriteFullBlock();
        }
    }

    /// <summary>Writes the current term's region and starts a new term; returns its doc frequency (0 writes nothing).</summary>
    public int FinishTerm()
    {
        var docFrequency = _docFrequency;
        if (docFrequency == 0)
        {
            return 0;
        }
        if (_count > 0)
        {
            WriteTailBlock();
        }
        _postings.WriteVarInt((uint)docFrequency);
        _postings.WriteVarInt((uint)_maxFreq);
        _postings.WriteVarInt((uint)_minLength);
        if (_skips.Count > 1)
        {
            WriteSkipTable(_positions.Length - _termPositionsStart);
            _postings.WriteVarInt((uint)_skipTable.Length);
            _postings.Write(_skipTable.WrittenSpan);
            _skipTable.Clear();
        }
        _postings.Write(_blocks.WrittenSpan);

        _blocks.Clear();
        _skips.Clear();
        _docFrequency = 0;
        _lastDoc = -1;
        _maxFreq = 0;
        _minLength = int.MaxValue;
        return docFrequency;
    }

    private void WriteSkipTable(int positionsLength)
    {
        var previousLastDoc = -1;
        for (var b = 0; b < _skips.Count; b++)
        {
            var skip = _skips[b];
            var (end, positionsEnd) = b + 1 < _skips.Count
                ? (_skips[b + 1].BlockOffset, _skips[b + 1].PositionsOffset)
                : (_blocks.Length, positionsLength);
            _skipTable.WriteVarInt((uint)(skip.LastDoc - previousLastDoc - 1));
            _skipTable.WriteVarInt((uint)(end - skip.BlockOffset));
            _skipTable.WriteVarInt((uint)(positionsEnd - skip.PositionsOffset));
            _skipTable.WriteVarInt((uint)skip.MaxFreq);
            _skipTable.WriteVarInt((uint)skip.MinFieldLength);
            previousLastDoc = skip.LastDoc;
        }
    }

    private void WriteFullBlock()
    {
        uint gapBits = 0, freqBits = 0;
        for (var i = 0; i < PostingsFormat.BlockSize; i++)
        {
            gapBits |= (uint)_gaps[i];
            freqBits |= (uint)(--_freqs[i]);
        }
        var docWidth = BitPacking.BitsNeeded(gapBits);
        var freqWidth = BitPacking.BitsNeeded(freqBits);
        var offset = _blocks.Length;
        var block = _blocks.Append(2 + PostingsFormat.PackedBytes(docWidth) + PostingsFormat.PackedBytes(freqWidth));
        block[0] = (byte)docWidth;
        block[1] = (byte)freqWidth;
        BitPacking.Pack(_gaps, docWidth, block[2..]);
        BitPacking.Pack(_freqs, freqWidth, block[(2 + PostingsFormat.PackedBytes(docWidth))..]);
        EndBlock(offset);
    }

    private void WriteTailBlock()
    {
        var offset = _blocks.Length;
        for (var i = 0; i < _count; i++)
        {
            var freq = _freqs[i];
            _blocks.WriteVarInt(((uint)_gaps[i] << 1) | (freq == 1 ? 1u : 0u));
            if (freq != 1)
            {
                _blocks.WriteVarInt((uint)freq);
            }
        }
        EndBlock(offset);
    }

    private void EndBlock(int offset)
    {
        _skips.Add(new SkipEntry(_lastDoc, offset, _blockPositionsOffset, _blockMaxFreq, _blockMinLength));
        _maxFreq = Math.Max(_maxFreq, _blockMaxFreq);
        _minLength = Math.Min(_minLength, _blockMinLength);
        _count = 0;
        _blockMaxFreq = 0;
        _blockMinLength = int.MaxValue;
    }
}
