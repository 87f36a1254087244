using Paperboy.Search.Storage;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// Writes a file's body while computing its CRC-32C, then the footer, then flushes it to the device.
/// Numbers are little-endian; arrays of numbers are written as their bytes (the index refuses to run
/// on big-endian machines rather than write files other machines misread).
/// </summary>
internal sealed class ChecksummedWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _scratch = new byte[8];
    private Crc32C _crc = new();
    private long _length;

    public ChecksummedWriter(string path)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("vector index: files are little-endian");
        }
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 4));
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_scratch, value);
        WriteBytes(_scratch.AsSpan(0, 8));
    }

    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt32(bytes.Length);
        WriteBytes(bytes);
    }

    public void WriteArray<T>(ReadOnlySpan<T> values)
        where T : unmanaged => WriteBytes(MemoryMarshal.AsBytes(values));

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        _stream.Write(bytes);
        _length += bytes.Length;
    }

    /// <summary>Seals the file with its footer and flushes it to the device.</summary>
    public void Finish(int version)
    {
        Span<byte> footer = stackalloc byte[FileFooter.Length];
        FileFooter.Write(footer, version, _length, _crc.Value);
        _stream.Write(footer);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();
}
