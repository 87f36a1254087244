using System.Numerics;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>
/// Walks one term's block postings (<see cref="PostingsFormat"/>), one block at a time: the doc ids of
/// a block are decoded into an int[128] when the cursor enters it, the frequencies on the first
/// <see cref="Freq"/> in it (a conjunction passes most blocks without scoring), and the positions of a
/// document only when <see cref="Positions"/> is read (phrase and proximity scoring; term scoring
/// never). <see cref="Advance"/> reads the skip table forward to the first block whose last doc reaches
/// the target, so the blocks in between are never decoded.
/// </summary>
internal sealed class PostingsCursor : IFieldCursor
{
    private readonly Postings _postings;
    private readonly byte[] _data;
    private readonly byte[] _positionData;
    private readonly int[] _docs;
    private readonly int[] _freqs;
    private int _block = -1;
    private int _blockLength;
    private int _index = -1;
    private int _lastDocInBlock = -1;
    private int _freqOffset = -1; // where the block's packed frequencies start; -1 once decoded
    private int _freqBits;

    // The skip reader: _skipsRead entries decoded so far; the last one decoded is in _entry, and the
    // offsets the next one starts at are summed in _nextBlockOffset and _nextPositionsOffset.
    private int _skipOffset;
    private int _skipsRead;
    private SkipEntry _entry = new(-1, 0, 0, 0, 0);
    private int _entryPreviousLastDoc = -1;
    private int _nextBlockOffset;
    private int _nextPositionsOffset;

    // Positions: _positionsOffset is where the positions of posting _positionsIndex of the block start.
    private int _positionsIndex;
    private int _positionsOffset;
    private int _currentPositionsStart;
    private int[] _positions = new int[8];
    private int _positionCount;
    private int _positionsBlock = -1;
    private int _positionsOf = -1;

    public PostingsCursor(Postings postings)
    {
        _postings = postings;
        _data = postings.Data;
        _positionData = postings.Positions;
        _skipOffset = postings.SkipStart;
        var size = Math.Min(PostingsFormat.BlockSize, postings.DocFrequency);
        _docs = new int[size];
        _freqs = new int[size];
    }

    public int DocId { get; private set; } = -1;

    public int Freq
    {
        get
        {
            DecodeFreqs();
            return _freqs[_index];
        }
    }

    public int MaxFreq => _postings.MaxFreq;

    public int MinFieldLength => _postings.MinFieldLength;

    /// <summary>The highest frequency in the current block: with <see cref="BlockMinFieldLength"/>, a block-max score bound.</summary>
    public int BlockMaxFreq => _postings.BlockCount > 1 ? _entry.MaxFreq : _postings.MaxFreq;

    public int BlockMinFieldLength => _postings.BlockCount > 1 ? _entry.MinFieldLength : _postings.MinFieldLength;

    public int BlockLastDoc => _lastDocInBlock;

    public ReadOnlySpan<int> Positions
    {
        get
        {
            if (_positionsOf != _index || _positionsBlock != _block)
            {
                var freq = Freq;
                var offset = SeekPositions(out _);
                if (_positions.Length < freq)
                {
                    _positions = new int[Math.Max(freq, _positions.Length * 2)];
                }
                var position = 0;
                for (var i = 0; i < freq; i++)
                {
                    position += (int)PrefixVarInt.Read(_positionData, ref offset);
                    _positions[i] = position;
                }
                _positionCount = freq;
                _positionsOf = _index;
                _positionsBlock = _block;
            }
            return _positions.AsSpan(0, _positionCount);
        }
    }

    /// <summary>The current document's positions as stored (first position, then gaps): a merge copies them without decoding.</summary>
    public ReadOnlySpan<byte> RawPositions
    {
        get
        {
            var start = SeekPositions(out var end);
            return _positionData.AsSpan(start, end - start);
        }
    }

    public int NextDoc()
    {
        if (DocId == Scorer.NoMoreDocs)
        {
            return DocId;
        }
        if (_index + 1 < _blockLength)
        {
            return DocId = _docs[++_index];
        }
        if (_block + 1 < _postings.BlockCount)
        {
            LoadBlock(_block + 1);
            _index = 0;
            return DocId = _docs[0];
        }
        return Exhaust();
    }

    public int Advance(int target)
    {
        if (DocId >= target)
        {
            return DocId;
        }
        if (target > _lastDocInBlock)
        {
            if (_postings.BlockCount == 1)
            {
                if (_block == 0)
                {
                    return Exhaust();
                }
                LoadBlock(0);
                if (target > _lastDocInBlock)
                {
                    return Exhaust();
                }
            }
            else
            {
                // Entries up to the current block are read; read on until one reaches the target.
                do
                {
                    if (_skipsRead == _postings.BlockCount)
                    {
                        return Exhaust();
                    }
                    ReadSkip();
                }
                while (_entry.LastDoc < target);
                LoadBlock(_skipsRead - 1);
            }
            _index = -1;
        }
        // The block's last doc is at or past the target, so both searches stop inside the block: a
        // short scan for a near target (leapfrogging mostly moves a few docs), a binary search past it.
        var index = _index + 1;
        if (_blockLength - index > 8 && _docs[index + 7] < target)
        {
            var found = Array.BinarySearch(_docs, index + 8, _blockLength - index - 8, target);
            index = found >= 0 ? found : ~found;
        }
        else
        {
            while (_docs[index] < target)
            {
                index++;
            }
        }
        _index = index;
        return DocId = _docs[index];
    }

    /// <summary>
    /// Adds each document's BM25F field frequency in [<paramref name="start"/>, <paramref name="end"/>)
    /// to <c>frequencies[doc - start]</c> and sets its bit, a block at a time, and stops on the first
    /// document at or after <paramref name="end"/> (<see cref="TextScorer.ScoreWindow"/>). A block is
    /// passed over, its frequencies (and, for a whole block inside the window, its doc ids) never
    /// decoded, when its bound (highest frequency, shortest field) plus the most any document of its range
    /// already holds in <paramref name="frequencies"/> cannot exceed <paramref name="blockLimit"/>.
    /// </summary>
    public void AccumulateWindow(int start, int end, Bm25F bm25, Field field, double[] frequencies, ulong[] matched, double blockLimit)
    {
        var (lengths, scales) = bm25.FieldTables(field);
        var doc = DocId < start ? Advance(start) : DocId;
        while (doc < end)
        {
            if (blockLimit >= 0 && CannotReach(doc, _lastDocInBlock, BlockMaxFreq, BlockMinFieldLength, start, end, bm25, field, frequencies, matched, blockLimit))
            {
                doc = PassBlock(start, end, bm25, field, frequencies, matched, blockLimit);
                continue;
            }
            DecodeFreqs();
            var docs = _docs;
            var freqs = _freqs;
            var length = _blockLength;
            var i = _index;
            for (; i < length; i++)
            {
                var d = docs[i];
                if (d >= end)
                {
                    _index = i;
                    DocId = d;
                    return;
                }
                var slot = d - start;
                var fieldLength = lengths[d];
                // freq * scale, as FieldFrequency computes it, with the table read here.
                frequencies[slot] += fieldLength != FieldIndex.LongLength ? freqs[i] * scales[fieldLength] : bm25.FieldFrequency(field, d, freqs[i]);
                matched[slot >> 6] |= 1UL << slot;
            }
            _index = length - 1;
            doc = NextDoc();
        }
    }

    // Whether no document in [from, last] of the window can reach the limit through this block.
    private static bool CannotReach(int from, int last, int maxFreq, int minLength, int start, int end, Bm25F bm25, Field field,
        double[] frequencies, ulong[] matched, double blockLimit)
    {
        var bound = bm25.FieldFrequencyBound(field, minLength, maxFreq);
        if (bound > blockLimit)
        {
            return false;
        }
        var most = 0.0;
        var first = Math.Max(from, start) - start;
        var stop = Math.Min(last, end - 1) - start;
        for (var w = first >> 6; w <= stop >> 6; w++)
        {
            var word = matched[w];
            if (w == first >> 6)
            {
                word &= ulong.MaxValue << (first & 63);
            }
            if (w == stop >> 6 && (stop & 63) != 63)
            {
                word &= (1UL << ((stop & 63) + 1)) - 1;
            }
            for (; word != 0; word &= word - 1)
            {
                most = Math.Max(most, frequencies[(w << 6) + BitOperations.TrailingZeroCount(word)]);
            }
        }
        return most + bound <= blockLimit;
    }

    // Leaves the current block (which cannot reach the limit) for the first document at or after the
    // window's end, or for the first block that may reach it; blocks wholly inside the window that
    // cannot are passed by their skip entries alone, never decoded.
    private int PassBlock(int start, int end, Bm25F bm25, Field field, double[] frequencies, ulong[] matched, double blockLimit)
    {
        if (_lastDocInBlock >= end)
        {
            var i = _index;
            while (_docs[i] < end)
            {
                i++;
            }
            _index = i;
            return DocId = _docs[i];
        }
        while (true)
        {
            if (_postings.BlockCount == 1 || _skipsRead == _postings.BlockCount)
            {
                return Exhaust();
            }
            ReadSkip();
            var from = _entryPreviousLastDoc + 1;
            if (from >= end || _entry.LastDoc >= end
                || !CannotReach(from, _entry.LastDoc, _entry.MaxFreq, _entry.MinFieldLength, start, end, bm25, field, frequencies, matched, blockLimit))
            {
                LoadBlock(_skipsRead - 1);
                _index = 0;
                return DocId = _docs[0];
            }
        }
    }

    public void AddMatches(ulong[] bits, int start, int end)
    {
        // A block at a time: its doc ids decoded once, then one OR each.
        var doc = DocId < start ? Advance(start) : DocId;
        while (doc < end)
        {
            var docs = _docs;
            var i = _index;
            if (_lastDocInBlock < end)
            {
                for (; i < _blockLength; i++)
                {
                    var slot = docs[i] - start;
                    bits[slot >> 6] |= 1UL << slot;
                }
                _index = _blockLength - 1;
                doc = NextDoc();
                continue;
            }
            // The window ends inside this block.
            for (; (doc = docs[i]) < end; i++)
            {
                var slot = doc - start;
                bits[slot >> 6] |= 1UL << slot;
            }
            _index = i;
            DocId = doc;
            return;
        }
    }

    private int Exhaust()
    {
        _index = _blockLength;
        return DocId = Scorer.NoMoreDocs;
    }

    private void ReadSkip()
    {
        var offset = _skipOffset;
        _entryPreviousLastDoc = _entry.LastDoc;
        var lastDoc = _entry.LastDoc + (int)VarInt.ReadUInt(_data, ref offset) + 1;
        var length = (int)VarInt.ReadUInt(_data, ref offset);
        var positionsLength = (int)VarInt.ReadUInt(_data, ref offset);
        var maxFreq = (int)VarInt.ReadUInt(_data, ref offset);
        var minLength = (int)VarInt.ReadUInt(_data, ref offset);
        _entry = new SkipEntry(lastDoc, _nextBlockOffset, _nextPositionsOffset, maxFreq, minLength);
        _nextBlockOffset += length;
        _nextPositionsOffset += positionsLength;
        _skipOffset = offset;
        _skipsRead++;
    }

    // Decodes a block's doc ids (and a tail's frequencies). For a list of several blocks, its skip
    // entry must be the last one read.
    private void LoadBlock(int block)
    {
        var postings = _postings;
        int offset, previous, positionsOffset;
        if (postings.BlockCount == 1)
        {
            (offset, previous, positionsOffset) = (postings.BlocksStart, -1, 0);
        }
        else
        {
            if (_skipsRead == block)
            {
                ReadSkip();
            }
            (offset, previous, positionsOffset) = (postings.BlocksStart + _entry.BlockOffset, _entryPreviousLastDoc, _entry.PositionsOffset);
        }
        var length = Math.Min(PostingsFormat.BlockSize, postings.DocFrequency - (block * PostingsFormat.BlockSize));
        if (length == PostingsFormat.BlockSize)
        {
            int docBits = _data[offset], freqBits = _data[offset + 1];
            BitPacking.Unpack(_data.AsSpan(offset + 2), docBits, _docs);
            for (var i = 0; i < PostingsFormat.BlockSize; i++)
            {
                previous += _docs[i] + 1;
                _docs[i] = previous;
            }
            _freqOffset = offset + 2 + PostingsFormat.PackedBytes(docBits);
            _freqBits = freqBits;
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                var code = VarInt.ReadUInt(_data, ref offset);
                previous += (int)(code >> 1) + 1;
                _docs[i] = previous;
                _freqs[i] = (code & 1) != 0 ? 1 : (int)VarInt.ReadUInt(_data, ref offset);
            }
            _freqOffset = -1;
        }
        _block = block;
        _blockLength = length;
        _lastDocInBlock = _docs[length - 1];
        _positionsIndex = 0;
        _positionsOffset = postings.PositionsStart + positionsOffset;
    }

    private void DecodeFreqs()
    {
        if (_freqOffset >= 0)
        {
            BitPacking.Unpack(_data.AsSpan(_freqOffset), _freqBits, _freqs);
            for (var i = 0; i < _freqs.Length; i++)
            {
                _freqs[i]++;
            }
            _freqOffset = -1;
        }
    }

    // Where the current posting's positions start and end. The offset moves forward from posting
    // _positionsIndex past the positions of the postings in between and stays after the current one,
    // which is remembered for a second read.
    private int SeekPositions(out int end)
    {
        if (_positionsIndex != _index + 1)
        {
            DecodeFreqs();
            var skipped = 0;
            for (var i = _positionsIndex; i < _index; i++)
            {
                skipped += _freqs[i];
            }
            _currentPositionsStart = PrefixVarInt.Skip(_positionData, _positionsOffset, skipped);
            _positionsOffset = PrefixVarInt.Skip(_positionData, _currentPositionsStart, _freqs[_index]);
            _positionsIndex = _index + 1;
        }
        end = _positionsOffset;
        return _currentPositionsStart;
    }
}
