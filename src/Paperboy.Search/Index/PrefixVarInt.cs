using System.Buffers.Binary;

namespace Paperboy.Search.Indexing;

/// <summary>
/// The variable-length integers of SQLite4 (https://sqlite.org/src4/doc/trunk/www/varint.wiki), which
/// positions are stored in: the first byte says the length, values up to 240 take one byte and up to
/// 2,287 two. Positions in an abstract run to about 250 with stop words counted, so most first positions
/// take one byte where LEB128 (<see cref="VarInt"/>) needs two past 127; on the synthetic corpus that is
/// a fifth of the positions' bytes.
/// <code>
/// first byte 0..240     value = A0
/// 241..248              value = 240 + 256 * (A0 - 241) + A1
/// 249                   value = 2288 + 256 * A1 + A2
/// 250                   value = A1..A3, big-endian
/// 251                   value = A1..A4, big-endian
/// </code>
/// </summary>
internal static class PrefixVarInt
{
    public const int MaxBytes = 5;

    public static int Length(uint value) => value switch
    {
        <= 240 => 1,
        <= 2287 => 2,
        <= 67823 => 3,
        <= 0xFF_FFFF => 4,
        _ => 5,
    };

    /// <summary>The length of the value that starts with <paramref name="first"/>.</summary>
    public static int LengthOf(byte first) => first <= 240 ? 1 : first <= 248 ? 2 : first - 246;

    /// <summary>Writes at offset (the caller made room for <see cref="MaxBytes"/>) and returns the new offset.</summary>
    public static int Write(Span<byte> data, int offset, uint value)
    {
        switch (value)
        {
            case <= 240:
                data[offset] = (byte)value;
                return offset + 1;
            case <= 2287:
                value -= 240;
                data[offset] = (byte)(241 + (value >> 8));
                data[offset + 1] = (byte)value;
                return offset + 2;
            case <= 67823:
                value -= 2288;
                data[offset] = 249;
                data[offset + 1] = (byte)(value >> 8);
                data[offset + 2] = (byte)value;
                return offset + 3;
            case <= 0xFF_FFFF:
                data[offset] = 250;
                data[offset + 1] = (byte)(value >> 16);
                data[offset + 2] = (byte)(value >> 8);
                data[offset + 3] = (byte)value;
                return offset + 4;
            default:
                data[offset] = 251;
                BinaryPrimitives.WriteUInt32BigEndian(data[(offset + 1)..], value);
                return offset + 5;
        }
    }

    public static void Write(List<byte> data, uint value)
    {
        Span<byte> bytes = stackalloc byte[MaxBytes];
        var length = Write(bytes, 0, value);
        foreach (var b in bytes[..length])
        {
            data.Add(b);
        }
    }

    public static uint Read(ReadOnlySpan<byte> data, ref int offset)
    {
        uint first = data[offset];
        switch (first)
        {
            case <= 240:
                offset += 1;
                return first;
            case <= 248:
                offset += 2;
                return 240 + ((first - 241) << 8) + data[offset - 1];
            case 249:
                offset += 3;
                return 2288u + ((uint)data[offset - 2] << 8) + data[offset - 1];
            case 250:
                offset += 4;
                return ((uint)data[offset - 3] << 16) | ((uint)data[offset - 2] << 8) | data[offset - 1];
            default:
                offset += 5;
                return BinaryPrimitives.ReadUInt32BigEndian(data[(offset - 4)..]);
        }
    }

    /// <summary>The offset after <paramref name="count"/> values starting at <paramref name="offset"/>.</summary>
    public static int Skip(ReadOnlySpan<byte> data, int offset, int count)
    {
        for (; count > 0; count--)
        {
            var first = data[offset];
            offset += first <= 240 ? 1 : LengthOf(first);
        }
        return offset;
    }
}
