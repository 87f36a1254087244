using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Paperboy.Search.Storage;

/// <summary>
/// Reads one index file from start to end. <see cref="Open"/> refuses a missing file, one too short
/// for a header and footer, one without the footer magic (truncated or overwritten), one of another
/// format version, one whose bytes do not give the footer's checksum (read in a first pass, so damage
/// is reported as damage and not as whatever a damaged count would lead to) and one with another
/// header magic. Reading then checks every count against the bytes left before anything is allocated,
/// and <see cref="Finish"/> that the data ended exactly at the footer. Every failure is a
/// <see cref="CorruptIndexException"/> naming the file.
/// </summary>
internal sealed class IndexInput : IDisposable
{
    private readonly FileStream _stream;

    private IndexInput(string path, FileStream stream, long dataEnd)
    {
        Path = path;
        _stream = stream;
        DataEnd = dataEnd;
    }

    public string Path { get; }

    /// <summary>Where the footer starts: the end of the data.</summary>
    public long DataEnd { get; }

    public long Position { get; private set; }

    public long Remaining => DataEnd - Position;

    public static IndexInput Open(string path, ReadOnlySpan<byte> magic, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1 << 20, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CorruptIndexException(path, "the file is missing", e);
        }
        try
        {
            var length = stream.Length;
            if (length < IndexFileFormat.HeaderLength + IndexFileFormat.FooterLength)
            {
                throw new CorruptIndexException(path, $"truncated: {length} bytes, too short for a header and a footer");
            }
            Span<byte> footer = stackalloc byte[IndexFileFormat.FooterLength];
            RandomAccess.Read(stream.SafeFileHandle, footer, length - IndexFileFormat.FooterLength);
            if (!footer[8..].SequenceEqual(IndexFileFormat.FooterMagic))
            {
                throw new CorruptIndexException(path, "truncated or overwritten: its last bytes are not a footer");
            }
            var version = BinaryPrimitives.ReadInt32LittleEndian(footer);
            if (version != IndexFileFormat.Version)
            {
                throw new CorruptIndexException(path, $"format version {version}; this build reads version {IndexFileFormat.Version} (rebuild the index)");
            }
            var input = new IndexInput(path, stream, length - IndexFileFormat.FooterLength);
            input.VerifyChecksum(BinaryPrimitives.ReadUInt32LittleEndian(footer[4..]), cancellationToken);
            Span<byte> header = stackalloc byte[IndexFileFormat.HeaderLength];
            input.ReadBytes(header);
            if (!header.SequenceEqual(magic))
            {
                throw new CorruptIndexException(path, $"not a {System.Text.Encoding.ASCII.GetString(magic)} file (its header is {Convert.ToHexString(header)})");
            }
            return input;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void ReadBytes(Span<byte> destination)
    {
        if (destination.Length > Remaining)
        {
            throw Corrupt($"truncated: {destination.Length} bytes wanted at byte {Position}, {Remaining} left before the footer");
        }
        try
        {
            _stream.ReadExactly(destination);
        }
        catch (EndOfStreamException e)
        {
            throw new CorruptIndexException(Path, $"truncated while being read, at byte {Position}", e);
        }
        Position += destination.Length;
    }

    public int ReadInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        ReadBytes(bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <summary>A count of items of <paramref name="itemBytes"/> bytes that must fit in what is left of the data.</summary>
    public int ReadCount(string what, int itemBytes)
    {
        var position = Position;
        var count = ReadInt32();
        if (count < 0 || (long)count * itemBytes > Remaining)
        {
            throw Corrupt($"{what} of {count} at byte {position} does not fit the {Remaining} bytes left");
        }
        return count;
    }

    /// <summary>A byte array written with its length in front.</summary>
    public byte[] ReadBlob(string what)
    {
        var bytes = new byte[ReadCount(what, 1)];
        ReadBytes(bytes);
        return bytes;
    }

    public int[] ReadInt32s(int count)
    {
        var values = new int[count];
        ReadBytes(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }
        return values;
    }

    /// <summary>Reads bytes at a position of the data without moving on or checksumming them (they are checksummed when reached).</summary>
    public void PeekAt(long position, Span<byte> destination)
    {
        if (position < 0 || position + destination.Length > DataEnd)
        {
            throw Corrupt($"{destination.Length} bytes at byte {position} are outside the data");
        }
        RandomAccess.Read(_stream.SafeFileHandle, destination, position);
    }

    /// <summary>Checks that the data ended at the footer.</summary>
    public void Finish()
    {
        if (Remaining != 0)
        {
            throw Corrupt($"the data ends at byte {Position}, {Remaining} bytes before the footer");
        }
    }

    // Streams every byte before the footer through CRC-32C, then goes back to the start.
    private void VerifyChecksum(uint expected, CancellationToken cancellationToken)
    {
        var crc = new Crc32C();
        var buffer = new byte[(int)Math.Min(1 << 20, DataEnd)];
        for (var remaining = DataEnd; remaining > 0;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, remaining));
            ReadBytes(chunk);
            crc.Append(chunk);
            remaining -= chunk.Length;
        }
        if (crc.Value != expected)
        {
            throw Corrupt($"checksum mismatch: the footer says {expected:x8}, the bytes give {crc.Value:x8}");
        }
        _stream.Position = 0;
        Position = 0;
    }

    public CorruptIndexException Corrupt(string problem) => new(Path, problem);

    public void Dispose() => _stream.Dispose();
}
