namespace Paperboy.Search.Indexing;

/// <summary>
/// The block layout of one term's postings, after Lucene's block postings (Lucene41PostingsFormat and
/// its successors: blocks of 128 doc ids, each bit-packed at its own width, "frame of reference", and a
/// variable-byte tail) and tantivy's postings/ and skip/ modules. A term's postings are a region of the
/// field's postings blob, all varints LEB128 (<see cref="VarInt"/>):
/// <list type="bullet">
/// <item>header: docFreq, maxFreq and minFieldLength, the last two over the whole list (upper bounds
/// for MaxScore and block-max WAND: BM25 rises with the frequency and falls with the length), then,
/// when the list has two blocks or more, the byte length of the skip table;</item>
/// <item>skip table, two blocks or more only: per block its last doc id (as the gap from the previous
/// block's, minus one), its byte length, the byte length of its positions, its maximum frequency and its
/// minimum field length. A cursor reads it forward as it goes, as tantivy's skip reader does, summing
/// lengths into the block's offset and its positions' offset, so <c>Advance</c> passes whole blocks
/// without decoding them. Varints rather than fixed-width entries: a third of the bytes, and a cursor
/// only ever moves forward;</item>
/// <item>blocks: a full block (128 postings) is a byte docBits, a byte freqBits, the 128 doc gaps minus
/// one packed at docBits each, then the 128 frequencies minus one at freqBits each (value i starts at
/// bit i * bits, least significant bit first, so 128 values take exactly 16 * bits bytes). The last
/// block, when shorter, is varints as in Lucene's tail: (gap - 1) &lt;&lt; 1 | (freq == 1), then the
/// frequency when it is not 1. The first gap of a list counts from doc -1.</item>
/// </list>
/// Positions are a separate blob, read only by phrase and proximity scoring: per posting its frequency's
/// worth of <see cref="PrefixVarInt"/>s, the first position, then the gaps to the next.
/// </summary>
internal static class PostingsFormat
{
    public const int BlockSize = 128;

    public static int BlockCount(int docFrequency) => (docFrequency + BlockSize - 1) / BlockSize;

    /// <summary>The bytes 128 values take at <paramref name="bits"/> bits each.</summary>
    public static int PackedBytes(int bits) => bits * (BlockSize / 8);
}
