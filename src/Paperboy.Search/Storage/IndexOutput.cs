using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Paperboy.Search.Storage;

/// <summary>
/// Writes one index file from start to end: the magic, then whatever the caller writes, then, on
/// <see cref="Finish"/>, the footer with the checksum of it all, flushed to the disk. A file that is
/// never finished has no footer, so reading it fails as truncated.
/// </summary>
internal sealed class IndexOutput : IDisposable
{
    private readonly FileStream _stream;
    private Crc32C _crc = new();

    /// <summary>Creates (or replaces) the file and writes its magic.</summary>
    public IndexOutput(string path, ReadOnlySpan<byte> magic)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        WriteBytes(magic);
    }

    public long Position { get; private set; }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        _stream.Write(bytes);
        Position += bytes.Length;
    }

    public void WriteInt32(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    public void WriteInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        WriteBytes(bytes);
    }

    public void WriteInt32s(ReadOnlySpan<int> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            WriteBytes(MemoryMarshal.AsBytes(values));
            return;
        }
        foreach (var value in values)
        {
            WriteInt32(value);
        }
    }

    public void WriteInt64s(ReadOnlySpan<long> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            WriteBytes(MemoryMarshal.AsBytes(values));
            return;
        }
        foreach (var value in values)
        {
            WriteInt64(value);
        }
    }

    /// <summary>A byte array with its length in front.</summary>
    public void WriteBlob(ReadOnlySpan<byte> bytes)
    {
        WriteInt32(bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>Writes the footer and flushes the file through the operating system's cache to the disk.</summary>
    public void Finish()
    {
        Span<byte> footer = stackalloc byte[IndexFileFormat.FooterLength];
        BinaryPrimitives.WriteInt32LittleEndian(footer, IndexFileFormat.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(footer[4..], _crc.Value);
        IndexFileFormat.FooterMagic.CopyTo(footer[8..]);
        _stream.Write(footer);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();
}
