namespace Paperboy.Search.Indexing;

/// <summary>
/// Unsigned variable-byte integers (LEB128): 7 bits a byte, low bits first, the high bit set on
/// every byte but the last. Values below 128 take one byte. Only non-negative values are written.
/// </summary>
internal static class VarInt
{
    public const int MaxBytes = 5;

    public static int Read(byte[] data, ref int offset) => (int)ReadUInt(data, ref offset);

    /// <summary>Reads a value of up to 32 bits; the block tail packs a doc gap and a flag into one.</summary>
    public static uint ReadUInt(ReadOnlySpan<byte> data, ref int offset)
    {
        uint b = data[offset++];
        if (b < 0x80)
        {
            return b;
        }
        var value = b & 0x7F;
        var shift = 7;
        do
        {
            b = data[offset++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return value;
    }

    /// <summary>Writes at offset (the caller made room for <see cref="MaxBytes"/>) and returns the new offset.</summary>
    public static int Write(byte[] data, int offset, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            data[offset++] = (byte)(v | 0x80);
            v >>= 7;
        }
        data[offset++] = (byte)v;
        return offset;
    }

    public static void Write(List<byte> data, int value) => Write(data, (uint)value);

    public static void Write(List<byte> data, uint value)
    {
        var v = value;
        while (v >= 0x80)
        {
            data.Add((byte)(v | 0x80));
            v >>= 7;
        }
        data.Add((byte)v);
    }

    public static int Length(int value) => Length((uint)value);

    public static int Length(uint value)
    {
        var v = value;
        var length = 1;
        while (v >= 0x80)
        {
            v >>= 7;
            length++;
        }
        return length;
    }
}
