using System.Buffers.Binary;

namespace Paperboy.Search.Storage;

/// <summary>
/// The end of every small index file (meta, deletions): the format version, the CRC-32C of all
/// bytes before the footer, and a magic number, 12 bytes. Reading checks all three, so a torn,
/// truncated or foreign file is refused, never half-read.
/// </summary>
internal static class FileFooter
{
    public const int Length = 12;
    private const uint Magic = 0x50424F59; // "PBOY"

    public static byte[] Seal(ReadOnlySpan<byte> body, int version)
    {
        var sealedBytes = new byte[body.Length + Length];
        body.CopyTo(sealedBytes);
        var footer = sealedBytes.AsSpan(body.Length);
        BinaryPrimitives.WriteInt32LittleEndian(footer, version);
        BinaryPrimitives.WriteUInt32LittleEndian(footer[4..], Crc32C.Compute(body));
        BinaryPrimitives.WriteUInt32LittleEndian(footer[8..], Magic);
        return sealedBytes;
    }

    /// <summary>The body of a sealed file, after checking its footer; throws <see cref="CorruptIndexException"/> otherwise.</summary>
    public static ReadOnlySpan<byte> Open(string path, ReadOnlySpan<byte> content, int version)
    {
        if (content.Length < Length)
        {
            throw new CorruptIndexException(path, $"truncated ({content.Length} bytes)");
        }
        var body = content[..^Length];
        var footer = content[^Length..];
        if (BinaryPrimitives.ReadUInt32LittleEndian(footer[8..]) != Magic)
        {
            throw new CorruptIndexException(path, "no footer (truncated or not an index file)");
        }
        var found = BinaryPrimitives.ReadInt32LittleEndian(footer);
        if (found != version)
        {
            throw new CorruptIndexException(path, $"format version {found}, this Paperboy reads version {version}");
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(footer[4..]) != Crc32C.Compute(body))
        {
            throw new CorruptIndexException(path, "checksum mismatch");
        }
        return body;
    }

    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new CorruptIndexException(path, "missing", e);
        }
    }
}
