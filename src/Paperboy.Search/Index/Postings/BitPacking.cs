using System.Buffers.Binary;
using System.Numerics;

namespace Paperboy.Search.Indexing;

/// <summary>
/// Packs a block of 128 non-negative ints at a fixed bit width, value i at bit i * bits, least
/// significant bit first, so the block is 4 * bits little-endian int32 words. Unpacking shifts values
/// out of a 64-bit buffer refilled a word at a time: no value needs more than one load.
/// <see cref="ReferencePostingsCodec"/> packs and unpacks bit by bit; the tests compare the two.
/// </summary>
internal static class BitPacking
{
    public static int BitsNeeded(uint max) => 32 - BitOperations.LeadingZeroCount(max);

    /// <summary>Writes the 128 values (each below 2^bits) into <c>16 * bits</c> bytes.</summary>
    public static void Pack(ReadOnlySpan<int> values, int bits, Span<byte> output)
    {
        ulong pending = 0;
        var pendingBits = 0;
        var o = 0;
        foreach (var value in values[..PostingsFormat.BlockSize])
        {
            pending |= (ulong)(uint)value << pendingBits;
            pendingBits += bits;
            while (pendingBits >= 8)
            {
                output[o++] = (byte)pending;
                pending >>= 8;
                pendingBits -= 8;
            }
        }
    }

    /// <summary>Reads 128 values of <paramref name="bits"/> bits from the start of <paramref name="input"/>.</summary>
    public static void Unpack(ReadOnlySpan<byte> input, int bits, Span<int> values)
    {
        values = values[..PostingsFormat.BlockSize];
        if (bits == 0)
        {
            values.Clear();
            return;
        }
        // 128 values take 4 * bits int32 words exactly; each word is loaded once into a 64-bit buffer
        // that always holds at least the next value's bits.
        var words = input[..PostingsFormat.PackedBytes(bits)];
        var mask = (1UL << bits) - 1;
        ulong buffer = 0;
        var available = 0;
        var word = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (available < bits)
            {
                buffer |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(words[word..]) << available;
                word += 4;
                available += 32;
            }
            values[i] = (int)(buffer & mask);
            buffer >>= bits;
            available -= bits;
        }
    }
}
