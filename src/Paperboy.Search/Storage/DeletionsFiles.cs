using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Storage;

/// <summary>
/// A segment's deleted documents at one deletions generation, <c>&lt;segment&gt;_&lt;generation&gt;.del</c>:
/// the document count, then the bit set, sealed with a footer. Each commit that deletes more of a
/// segment writes a new generation instead of changing the old file, which an older commit (and the
/// readers still on it) may need.
/// </summary>
internal static class DeletionsFiles
{
    public const int Version = 1;

    public static string FileName(string segment, long generation) => $"{segment}_{generation}.del";

    public static void Write(string directory, string segment, long generation, LiveDocs live)
    {
        var words = live.Words;
        var body = new byte[4 + (words.Length * 8)];
        BinaryPrimitives.WriteInt32LittleEndian(body, live.DocCount);
        MemoryMarshal.AsBytes(words).CopyTo(body.AsSpan(4));
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("search index: big-endian machines are not supported");
        }
        DurableFiles.WriteDurably(Path.Combine(directory, FileName(segment, generation)), FileFooter.Seal(body, Version));
    }

    public static LiveDocs Read(string directory, CommittedSegment segment)
    {
        var path = Path.Combine(directory, segment.DeletionsFile);
        var body = FileFooter.Open(path, FileFooter.ReadFile(path), Version);
        var docCount = BinaryPrimitives.ReadInt32LittleEndian(body);
        if (docCount != segment.DocCount || body.Length != 4 + ((docCount + 63) / 64 * 8))
        {
            throw new CorruptIndexException(path, $"holds {docCount} documents, the segment {segment.DocCount}");
        }
        var words = MemoryMarshal.Cast<byte, ulong>(body[4..]).ToArray();
        return new LiveDocs(docCount, words);
    }
}
