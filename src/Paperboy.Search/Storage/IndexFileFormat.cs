namespace Paperboy.Search.Storage;

/// <summary>
/// What every index file shares, after Lucene's CodecUtil and tantivy's footer: a 4-byte magic first,
/// and a 12-byte footer last: the format version (int32), the CRC-32C of every byte before the footer
/// (uint32) and a footer magic. A file is only read once its footer, version and checksum agree, so a
/// truncated, damaged or foreign file is refused whole instead of misread. Integers are little-endian.
/// </summary>
internal static class IndexFileFormat
{
    /// <summary>The format this build writes and the only one it reads; any change to a file's layout bumps it.</summary>
    public const int Version = 1;

    public const int HeaderLength = 4;
    public const int FooterLength = 12;

    public const string IndexExtension = ".pbi";
    public const string DocumentsExtension = ".pbd";

    /// <summary>The first bytes of a segment's .pbi file (terms, postings, lengths, values, keys).</summary>
    public static ReadOnlySpan<byte> IndexMagic => "PBIX"u8;

    /// <summary>The first bytes of a segment's .pbd file (stored documents).</summary>
    public static ReadOnlySpan<byte> DocumentsMagic => "PBDX"u8;

    public static ReadOnlySpan<byte> FooterMagic => "PBFT"u8;
}
