using System.Buffers.Binary;
using System.Numerics;

namespace Paperboy.Search.Indexing;

/// <summary>
/// Packs a block of 128 non-negative ints at a fixed bit width, value i at bit i * bits, least
/// significant bit first. Unpacking reads each value with one unaligned 64-bit load, shift and mask
/// (a value of up to 32 bits starting at any of a byte's 8 bits fits in 8 bytes).
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
        var bytes = PostingsFormat.PackedBytes(bits);
        if (input.Length < bytes + 8)
        {
            // The last block of a blob: the 64-bit loads would run past its end, so read a padded copy.
            Span<byte> padded = stackalloc byte[PostingsFormat.PackedBytes(32) + 8];
            padded.Clear();
            input[..bytes].CopyTo(padded);
            UnpackPadded(padded, bits, values);
            return;
        }
        UnpackPadded(input, bits, values);
    }

    private static void UnpackPadded(ReadOnlySpan<byte> input, int bits, Span<int> values)
    {
        var mask = (1UL << bits) - 1;
        var bit = 0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (int)((BinaryPrimitives.ReadUInt64LittleEndian(input[(bit >> 3)..]) >> (bit & 7)) & mask);
            bit += bits;
        }
    }
}
