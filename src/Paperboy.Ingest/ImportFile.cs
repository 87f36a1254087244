using System.IO.Compression;

namespace Paperboy.Ingest;

/// <summary>Opens import files, decompressing gzip transparently so readers only ever see text.</summary>
public static class ImportFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Opens <paramref name="path"/> for sequential reading. Gzip is recognised by its magic bytes
    /// 1f 8b (RFC 1952 section 2.3.1), not by the extension, and returned as a decompressing stream
    /// that reports a truncated file (see <see cref="GzipEndCheckStream"/>).
    /// </summary>
    public static Stream OpenRead(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            return IsGzip(magic[..read]) && file.Length >= 18 ? new GzipEndCheckStream(file) : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The file under a stream from <see cref="OpenRead"/>: its position and length measure progress.</summary>
    public static Stream Underlying(Stream opened) => opened is GzipEndCheckStream gzip ? gzip.File : opened;

    internal static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;
}
