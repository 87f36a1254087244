namespace Paperboy.Search.Indexing;

/// <summary>
/// One term's postings in one field: a view of its region of the field's postings blob and where its
/// positions start in the positions blob (<see cref="PostingsFormat"/>), with the header read. The
/// statistics a weight needs are here; the documents are read through a
/// <see cref="Scoring.PostingsCursor"/>.
/// </summary>
internal sealed class Postings
{
    public Postings(byte[] data, int start, byte[] positions, int positionsStart)
    {
        Data = data;
        Positions = positions;
        PositionsStart = positionsStart;
        var offset = start;
        DocFrequency = (int)VarInt.ReadUInt(data, ref offset);
        MaxFreq = (int)VarInt.ReadUInt(data, ref offset);
        MinFieldLength = (int)VarInt.ReadUInt(data, ref offset);
        BlockCount = PostingsFormat.BlockCount(DocFrequency);
        var skipBytes = BlockCount > 1 ? (int)VarInt.ReadUInt(data, ref offset) : 0;
        SkipStart = offset;
        BlocksStart = offset + skipBytes;
    }

    public byte[] Data { get; }
    public byte[] Positions { get; }
    public int PositionsStart { get; }

    /// <summary>Where the skip table starts in <see cref="Data"/>; lists of one block have none.</summary>
    public int SkipStart { get; }

    public int BlocksStart { get; }

    public int DocFrequency { get; }

    /// <summary>The highest frequency in any document of the list.</summary>
    public int MaxFreq { get; }

    /// <summary>The shortest field among the list's documents.</summary>
    public int MinFieldLength { get; }

    public int BlockCount { get; }

    /// <summary>
    /// Every block's skip entry, decoded (the cursor reads them one by one instead). A list of one block
    /// has no table; its figures are the list's.
    /// </summary>
    public List<SkipEntry> ReadSkips()
    {
        var skips = new List<SkipEntry>();
        var offset = SkipStart;
        int lastDoc = -1, blockOffset = 0, positionsOffset = 0;
        for (var b = 0; b < (BlockCount > 1 ? BlockCount : 0); b++)
        {
            lastDoc += (int)VarInt.ReadUInt(Data, ref offset) + 1;
            var length = (int)VarInt.ReadUInt(Data, ref offset);
            var positionsLength = (int)VarInt.ReadUInt(Data, ref offset);
            var maxFreq = (int)VarInt.ReadUInt(Data, ref offset);
            var minLength = (int)VarInt.ReadUInt(Data, ref offset);
            skips.Add(new SkipEntry(lastDoc, blockOffset, positionsOffset, maxFreq, minLength));
            blockOffset += length;
            positionsOffset += positionsLength;
        }
        return skips;
    }
}
