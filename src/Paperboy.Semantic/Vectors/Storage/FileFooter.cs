using System.Buffers.Binary;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// The last 16 bytes of every vector index file: the format version, the body's length, the CRC-32C
/// of the body, and a magic number. Reading checks all four, so a torn, truncated or foreign file is
/// refused, never half-read.
/// </summary>
internal readonly record struct FileFooter(int Version, uint Checksum)
{
    public const int Length = 16;
    private const uint Magic = 0x50425643; // "PBVC"

    public static void Write(Span<byte> destination, int version, long bodyLength, uint checksum)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, version);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)(bodyLength & 0xFFFFFFFF)); // the low 32 bits catch truncation
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], checksum);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], Magic);
    }

    /// <summary>The footer of a file of <paramref name="fileLength"/> bytes, after checking all but the checksum (which needs the body).</summary>
    public static FileFooter Read(string path, ReadOnlySpan<byte> footer, long fileLength, int expectedVersion)
    {
        if (fileLength < Length)
        {
            throw new CorruptVectorIndexException(path, $"truncated ({fileLength} bytes)");
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(footer[12..]) != Magic)
        {
            throw new CorruptVectorIndexException(path, "no footer (truncated or not a vector index file)");
        }
        var version = BinaryPrimitives.ReadInt32LittleEndian(footer);
        if (version != expectedVersion)
        {
            throw new CorruptVectorIndexException(path, $"format version {version}, this Paperboy reads version {expectedVersion}");
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(footer[4..]) != (uint)((fileLength - Length) & 0xFFFFFFFF))
        {
            throw new CorruptVectorIndexException(path, "length does not match its footer (truncated or extended)");
        }
        return new FileFooter(version, BinaryPrimitives.ReadUInt32LittleEndian(footer[8..]));
    }
}
