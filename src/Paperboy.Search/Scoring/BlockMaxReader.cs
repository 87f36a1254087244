using Paperboy.Search.Indexing;

namespace Paperboy.Search.Scoring;

/// <summary>
/// The block-max bounds of one postings list (Ding &amp; Suel, "Faster top-k document retrieval using
/// block-max indexes", SIGIR 2011): each block's highest frequency and shortest field, which the skip
/// table stores (<see cref="PostingsFormat"/>). A second reader of the skip table, forward-only like the
/// cursor's own and ahead of it, that never decodes a block, so a window of documents whose bounds cannot
/// reach the top k is passed without reading its postings. A list of one block has no skip table: its
/// list-wide figures hold up to the end.
/// </summary>
internal sealed class BlockMaxReader
{
    private readonly Postings _postings;
    private int _offset;
    private int _read;

    // The current block: its last doc and figures. Before the first read, no block (nothing to bound);
    // past the last block, an empty one up to the end, with frequency 0.
    private int _lastDoc = -1;
    private int _maxFreq;
    private int _minLength = int.MaxValue;

    public BlockMaxReader(Postings postings)
    {
        _postings = postings;
        _offset = postings.SkipStart;
    }

    /// <summary>
    /// Moves to the block holding the list's first document at or after <paramref name="target"/> and
    /// returns that block's last doc (<see cref="Scorer.NoMoreDocs"/> past the list's end or for a list
    /// of one block). Targets never go back.
    /// </summary>
    public int AdvanceShallow(int target)
    {
        if (_postings.BlockCount == 1)
        {
            return Scorer.NoMoreDocs;
        }
        while (_lastDoc < target)
        {
            if (!ReadNext())
            {
                (_lastDoc, _maxFreq, _minLength) = (Scorer.NoMoreDocs, 0, int.MaxValue);
            }
        }
        return _lastDoc;
    }

    /// <summary>
    /// The highest frequency and the shortest field of the list's documents from the current block up to
    /// <paramref name="upTo"/>, reading ahead to the block holding it; that block becomes the current one.
    /// </summary>
    public (int MaxFreq, int MinFieldLength) BoundsUpTo(int upTo)
    {
        if (_postings.BlockCount == 1)
        {
            return (_postings.MaxFreq, _postings.MinFieldLength);
        }
        var (maxFreq, minLength) = (_maxFreq, _minLength);
        while (_lastDoc < upTo && ReadNext())
        {
            maxFreq = Math.Max(maxFreq, _maxFreq);
            minLength = Math.Min(minLength, _minLength);
        }
        return (maxFreq, minLength);
    }

    private bool ReadNext()
    {
        if (_read == _postings.BlockCount)
        {
            return false;
        }
        var data = _postings.Data;
        var offset = _offset;
        _lastDoc += (int)VarInt.ReadUInt(data, ref offset) + 1;
        VarInt.ReadUInt(data, ref offset); // the block's byte length
        VarInt.ReadUInt(data, ref offset); // its positions' byte length
        _maxFreq = (int)VarInt.ReadUInt(data, ref offset);
        _minLength = (int)VarInt.ReadUInt(data, ref offset);
        _offset = offset;
        _read++;
        return true;
    }
}
