namespace Paperboy.Search.Indexing;

/// <summary>
/// One term's postings in one field: ascending document ids and, per document, the term frequency
/// and the positions of each occurrence (for phrases and proximity). Doc ids stay a flat
/// <c>int[]</c> so cursors can gallop and binary-search them; frequency and positions are packed
/// per posting into <see cref="Data"/> as variable-byte integers (LEB128, 7 bits a byte): the
/// frequency, then the first position, then the gaps between positions. Positions are small and
/// close together, so most take one byte instead of four, and the frequency is the first byte of
/// the posting, as cheap to read as an <c>int[]</c>. This is the layout FTS5 and Lucene use for
/// positions; it cut the heap per paper by more than half (docs/PERFORMANCE.md).
/// </summary>
internal sealed class Postings
{
    public Postings(int[] docs, int[] starts, byte[] data)
    {
        Docs = docs;
        Starts = starts;
        Data = data;
    }

    public int[] Docs { get; }

    /// <summary>Posting i occupies Data[Starts[i] .. Starts[i + 1]).</summary>
    public int[] Starts { get; }

    public byte[] Data { get; }

    public int DocFrequency => Docs.Length;

    public int FreqAt(int index)
    {
        var offset = Starts[index];
        return VarInt.Read(Data, ref offset);
    }

    /// <summary>Decodes the positions of the index-th posting into <paramref name="buffer"/>, growing it if needed.</summary>
    public int PositionsAt(int index, ref int[] buffer)
    {
        var offset = Starts[index];
        var data = Data;
        var freq = VarInt.Read(data, ref offset);
        if (buffer.Length < freq)
        {
            buffer = new int[Math.Max(freq, buffer.Length * 2)];
        }
        var position = 0;
        for (var i = 0; i < freq; i++)
        {
            position += VarInt.Read(data, ref offset);
            buffer[i] = position;
        }
        return freq;
    }

    /// <summary>
    /// Packs plain arrays (doc ids, and the ascending positions of each document) into postings:
    /// the simple encoder that <see cref="PostingsWriter"/>'s output is tested against.
    /// </summary>
    public static Postings FromPlain(IReadOnlyList<int> docs, IReadOnlyList<IReadOnlyList<int>> positions)
    {
        var starts = new int[docs.Count + 1];
        var data = new List<byte>();
        for (var i = 0; i < docs.Count; i++)
        {
            starts[i] = data.Count;
            VarInt.Write(data, positions[i].Count);
            var previous = 0;
            foreach (var position in positions[i])
            {
                VarInt.Write(data, position - previous);
                previous = position;
            }
        }
        starts[docs.Count] = data.Count;
        return new Postings([.. docs], starts, [.. data]);
    }
}
