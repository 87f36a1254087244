using System.Text;

namespace Paperboy.Search.Storage;

/// <summary>
/// The meta file, <c>index.meta</c>: the one file a commit replaces, atomically (see
/// <see cref="DurableFiles"/>), so the index on disk is always exactly one commit. Everything else
/// is immutable once written, except that files no commit names any more are deleted.
/// </summary>
internal static class MetaFile
{
    public const string FileName = "index.meta";
    public const int Version = 1;

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, FileName));

    public static void Write(string directory, CommitPoint commit)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(commit.Generation);
            writer.Write(commit.NextSegmentNumber);
            writer.Write(commit.Segments.Count);
            foreach (var segment in commit.Segments)
            {
                writer.Write(segment.Name);
                writer.Write(segment.DocCount);
                writer.Write(segment.DeletionsGeneration);
            }
            writer.Write(commit.UserData.Count);
            foreach (var (key, value) in commit.UserData.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write(value);
            }
        }
        DurableFiles.WriteAtomically(Path.Combine(directory, FileName), FileFooter.Seal(body.ToArray(), Version));
    }

    /// <summary>The last commit, or <see cref="CommitPoint.Empty"/> when the directory has none yet.</summary>
    public static CommitPoint Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return CommitPoint.Empty;
        }
        var body = FileFooter.Open(path, FileFooter.ReadFile(path), Version).ToArray();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(body), Encoding.UTF8);
            var generation = reader.ReadInt64();
            var nextSegment = reader.ReadInt64();
            var segments = new CommittedSegment[Count(reader, path)];
            for (var i = 0; i < segments.Length; i++)
            {
                segments[i] = new CommittedSegment(SafeName(reader.ReadString(), path), reader.ReadInt32(), reader.ReadInt64());
            }
            var userData = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = Count(reader, path); i > 0; i--)
            {
                userData[reader.ReadString()] = reader.ReadString();
            }
            return new CommitPoint(generation, nextSegment, segments, userData);
        }
        catch (EndOfStreamException e)
        {
            throw new CorruptIndexException(path, "shorter than its own counts", e);
        }
    }

    private static int Count(BinaryReader reader, string path)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and < 1_000_000 ? count : throw new CorruptIndexException(path, $"impossible count {count}");
    }

    // Names become file names: a damaged meta file must not point outside the index directory.
    private static string SafeName(string name, string path) =>
        name.Length is > 0 and < 64 && name.All(char.IsAsciiLetterOrDigit) ? name : throw new CorruptIndexException(path, "a segment name that is not one");
}
