using Paperboy.Search.Storage;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// Reads a file written by <see cref="ChecksummedWriter"/>: the footer is checked first (version,
/// length, magic), the body is read in order while its CRC-32C is computed, and
/// <see cref="Finish"/> compares the two, so nothing read from a damaged file is ever used.
/// Reading past the body, or an impossible count, is a <see cref="CorruptVectorIndexException"/>.
/// </summary>
internal sealed class ChecksummedReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly long _bodyLength;
    private readonly uint _expectedChecksum;
    private readonly byte[] _scratch = new byte[8];
    private Crc32C _crc = new();
    private long _position;

    private ChecksummedReader(string path, FileStream stream, long bodyLength, uint expectedChecksum)
    {
        Path = path;
        _stream = stream;
        _bodyLength = bodyLength;
        _expectedChecksum = expectedChecksum;
    }

    public string Path { get; }

    public long Remaining => _bodyLength - _position;

    public static ChecksummedReader Open(string path, int version)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1 << 16);
        }
        catch (FileNotFoundException e)
        {
            throw new CorruptVectorIndexException(path, "missing", e);
        }
        try
        {
            var length = stream.Length;
            Span<byte> footer = stackalloc byte[FileFooter.Length];
            if (length >= FileFooter.Length)
            {
                stream.Seek(-FileFooter.Length, SeekOrigin.End);
                stream.ReadExactly(footer);
                stream.Seek(0, SeekOrigin.Begin);
            }
            var checkedFooter = FileFooter.Read(path, footer, length, version);
            return new ChecksummedReader(path, stream, length - FileFooter.Length, checkedFooter.Checksum);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public int ReadInt32()
    {
        ReadBytes(_scratch.AsSpan(0, 4));
        return BinaryPrimitives.ReadInt32LittleEndian(_scratch);
    }

    public long ReadInt64()
    {
        ReadBytes(_scratch.AsSpan(0, 8));
        return BinaryPrimitives.ReadInt64LittleEndian(_scratch);
    }

    /// <summary>A count that must lie in [0, max]; anything else means the file is damaged.</summary>
    public int ReadCount(long max)
    {
        var count = ReadInt32();
        return count >= 0 && count <= max ? count : throw Corrupt($"impossible count {count}");
    }

    public string ReadString()
    {
        var length = ReadCount(Remaining);
        var bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        ReadBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    public void ReadArray<T>(Span<T> destination)
        where T : unmanaged => ReadBytes(MemoryMarshal.AsBytes(destination));

    public void ReadBytes(Span<byte> destination)
    {
        if (destination.Length > Remaining)
        {
            throw Corrupt("shorter than its own counts");
        }
        _stream.ReadExactly(destination);
        _crc.Append(destination);
        _position += destination.Length;
    }

    /// <summary>Checks that the whole body was read and matches its checksum.</summary>
    public void Finish()
    {
        if (Remaining != 0)
        {
            throw Corrupt($"{Remaining} bytes more than its counts account for");
        }
        if (_crc.Value != _expectedChecksum)
        {
            throw Corrupt("checksum mismatch");
        }
    }

    public CorruptVectorIndexException Corrupt(string problem) => new(Path, problem);

    public void Dispose() => _stream.Dispose();
}
