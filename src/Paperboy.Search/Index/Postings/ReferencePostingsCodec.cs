namespace Paperboy.Search.Indexing;

/// <summary>
/// The plain encoder and decoder of <see cref="PostingsFormat"/>: lists in, lists out, bits written and
/// read one at a time. <see cref="PostingsEncoder"/>, <see cref="BitPacking"/> and
/// <see cref="Scoring.PostingsCursor"/> must agree with it byte for byte and posting for posting.
/// </summary>
internal static class ReferencePostingsCodec
{
    /// <summary>Encodes one term's postings; <paramref name="fieldLengths"/> holds each posting's field length.</summary>
    public static (byte[] Postings, byte[] Positions) Encode(
        IReadOnlyList<int> docs, IReadOnlyList<IReadOnlyList<int>> positions, IReadOnlyList<int> fieldLengths)
    {
        var positionBytes = new List<byte>();
        var blocks = new List<byte>();
        var skips = new List<SkipEntry>();
        var previous = -1;
        for (var first = 0; first < docs.Count; first += PostingsFormat.BlockSize)
        {
            var count = Math.Min(PostingsFormat.BlockSize, docs.Count - first);
            var gaps = new int[count];
            var freqs = new int[count];
            var positionsOffset = positionBytes.Count;
            for (var i = 0; i < count; i++)
            {
                gaps[i] = docs[first + i] - previous - 1;
                previous = docs[first + i];
                freqs[i] = positions[first + i].Count;
                var last = 0;
                foreach (var position in positions[first + i])
                {
                    PrefixVarInt.Write(positionBytes, (uint)(position - last));
                    last = position;
                }
            }
            var blockOffset = blocks.Count;
            if (count == PostingsFormat.BlockSize)
            {
                var docBits = Enumerable.Range(0, 33).First(b => gaps.All(g => (long)g < (1L << b)));
                var freqBits = Enumerable.Range(0, 33).First(b => freqs.All(f => (long)f - 1 < (1L << b)));
                blocks.Add((byte)docBits);
                blocks.Add((byte)freqBits);
                WriteBits(blocks, gaps, docBits);
                WriteBits(blocks, [.. freqs.Select(f => f - 1)], freqBits);
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    VarInt.Write(blocks, ((uint)gaps[i] * 2) + (freqs[i] == 1 ? 1u : 0u));
                    if (freqs[i] != 1)
                    {
                        VarInt.Write(blocks, freqs[i]);
                    }
                }
            }
            var lengths = Enumerable.Range(first, count).Select(i => fieldLengths[i]);
            skips.Add(new SkipEntry(previous, blockOffset, positionsOffset, freqs.Max(), lengths.Min()));
        }

        var postings = new List<byte>();
        if (docs.Count > 0)
        {
            VarInt.Write(postings, docs.Count);
            VarInt.Write(postings, skips.Max(s => s.MaxFreq));
            VarInt.Write(postings, skips.Min(s => s.MinFieldLength));
        }
        if (skips.Count > 1)
        {
            var table = new List<byte>();
            for (var b = 0; b < skips.Count; b++)
            {
                var end = b + 1 < skips.Count ? skips[b + 1].BlockOffset : blocks.Count;
                var positionsEnd = b + 1 < skips.Count ? skips[b + 1].PositionsOffset : positionBytes.Count;
                VarInt.Write(table, skips[b].LastDoc - (b == 0 ? -1 : skips[b - 1].LastDoc) - 1);
                VarInt.Write(table, end - skips[b].BlockOffset);
                VarInt.Write(table, positionsEnd - skips[b].PositionsOffset);
                VarInt.Write(table, skips[b].MaxFreq);
                VarInt.Write(table, skips[b].MinFieldLength);
            }
            VarInt.Write(postings, table.Count);
            postings.AddRange(table);
        }
        postings.AddRange(blocks);
        return ([.. postings], [.. positionBytes]);
    }

    /// <summary>Decodes one term's region of a postings blob and its positions, starting at the given offsets.</summary>
    public static PlainPostings Decode(byte[] postings, int start, byte[] positionBytes, int positionsStart)
    {
        var offset = start;
        var docFrequency = VarInt.Read(postings, ref offset);
        var maxFreq = VarInt.Read(postings, ref offset);
        var minLength = VarInt.Read(postings, ref offset);
        var blockCount = PostingsFormat.BlockCount(docFrequency);
        var skips = new List<SkipEntry>();
        if (blockCount > 1)
        {
            var tableLength = VarInt.Read(postings, ref offset);
            var tableEnd = offset + tableLength;
            int lastDoc = -1, blockOffset = 0, positionsOffset = 0;
            for (var b = 0; b < blockCount; b++)
            {
                lastDoc += VarInt.Read(postings, ref offset) + 1;
                var length = VarInt.Read(postings, ref offset);
                var positionsLength = VarInt.Read(postings, ref offset);
                skips.Add(new SkipEntry(lastDoc, blockOffset, positionsOffset, VarInt.Read(postings, ref offset), VarInt.Read(postings, ref offset)));
                blockOffset += length;
                positionsOffset += positionsLength;
            }
            if (offset != tableEnd)
            {
                throw new InvalidOperationException($"skip table ends at {offset}, its length says {tableEnd}");
            }
        }
        var docs = new List<int>();
        var freqs = new List<int>();
        var previous = -1;
        while (docs.Count < docFrequency)
        {
            var count = Math.Min(PostingsFormat.BlockSize, docFrequency - docs.Count);
            if (count == PostingsFormat.BlockSize)
            {
                int docBits = postings[offset++], freqBits = postings[offset++];
                var gaps = ReadBits(postings, ref offset, docBits);
                var packedFreqs = ReadBits(postings, ref offset, freqBits);
                for (var i = 0; i < count; i++)
                {
                    previous += gaps[i] + 1;
                    docs.Add(previous);
                    freqs.Add(packedFreqs[i] + 1);
                }
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    var code = VarInt.ReadUInt(postings, ref offset);
                    previous += (int)(code / 2) + 1;
                    docs.Add(previous);
                    freqs.Add(code % 2 == 1 ? 1 : VarInt.Read(postings, ref offset));
                }
            }
        }

        var positions = new List<IReadOnlyList<int>>();
        var positionOffset = positionsStart;
        foreach (var freq in freqs)
        {
            var list = new List<int>();
            var position = 0;
            for (var i = 0; i < freq; i++)
            {
                position += (int)PrefixVarInt.Read(positionBytes, ref positionOffset);
                list.Add(position);
            }
            positions.Add(list);
        }
        return new PlainPostings(docs, positions, maxFreq, minLength, skips);
    }

    // Values of `bits` bits, least significant bit first, value i from bit i * bits.
    private static void WriteBits(List<byte> output, int[] values, int bits)
    {
        var packed = new byte[PostingsFormat.PackedBytes(bits)];
        for (var i = 0; i < values.Length; i++)
        {
            for (var b = 0; b < bits; b++)
            {
                if ((((uint)values[i] >> b) & 1) != 0)
                {
                    var bit = (i * bits) + b;
                    packed[bit / 8] |= (byte)(1 << (bit % 8));
                }
            }
        }
        output.AddRange(packed);
    }

    private static int[] ReadBits(byte[] input, ref int offset, int bits)
    {
        var values = new int[PostingsFormat.BlockSize];
        for (var i = 0; i < values.Length; i++)
        {
            for (var b = 0; b < bits; b++)
            {
                var bit = (i * bits) + b;
                if (((input[offset + (bit / 8)] >> (bit % 8)) & 1) != 0)
                {
                    values[i] |= 1 << b;
                }
            }
        }
        offset += PostingsFormat.PackedBytes(bits);
        return values;
    }
}
