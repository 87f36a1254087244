namespace Paperboy.Search.Indexing;

/// <summary>
/// A growable byte array that encoders append to: one array doubling as it fills, so a field's
/// postings are written in place and copied once into the exact-size array the segment keeps.
/// </summary>
internal sealed class ByteBuffer
{
    private byte[] _buffer;

    public ByteBuffer(int capacity = 256)
    {
        _buffer = new byte[Math.Max(16, capacity)];
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    /// <summary>Reserves <paramref name="count"/> bytes at the end and returns them for writing.</summary>
    public Span<byte> Append(int count)
    {
        if (_buffer.Length - Length < count)
        {
            var needed = (long)Length + count;
            if (needed > Array.MaxLength)
            {
                throw new InvalidOperationException($"search index: a buffer would exceed {Array.MaxLength} bytes");
            }
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_buffer.Length * 2)));
        }
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Append(bytes.Length));

    public void WriteByte(byte value) => Append(1)[0] = value;

    public void WriteVarInt(uint value)
    {
        var span = Append(VarInt.Length(value));
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i] = (byte)value;
    }

    public void Clear() => Length = 0;

    public byte[] ToArray() => WrittenSpan.ToArray();
}
