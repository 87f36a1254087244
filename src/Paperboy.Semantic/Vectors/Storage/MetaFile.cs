using Paperboy.Search.Storage;
using Paperboy.Semantic.Embedding;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// <c>vectors.meta</c>, the one file a commit replaces, atomically (<see cref="DurableFiles"/>): the
/// generation, the model (id, dimensions, description), the next segment number, each live segment
/// with its size and deletion bits, and the caller's commit data; then the footer. The deletion bits
/// live here rather than in files of their own because they are small (a bit per vector) and must
/// change together with the segment list anyway.
/// </summary>
internal static class MetaFile
{
    public const string FileName = "vectors.meta";
    public const int Version = 1;

    public static void Write(string directory, CommitPoint commit)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + DurableFiles.TemporarySuffix;
        using (var output = new ChecksummedWriter(temporary))
        {
            output.WriteInt64(commit.Generation);
            output.WriteInt32(commit.Model is null ? 0 : 1);
            if (commit.Model is { } model)
            {
                output.WriteString(model.Id);
                output.WriteInt32(model.Dimensions);
                output.WriteString(model.Description);
            }
            output.WriteInt64(commit.NextSegmentNumber);
            output.WriteInt32(commit.Segments.Count);
            foreach (var segment in commit.Segments)
            {
                output.WriteString(segment.Name);
                output.WriteInt32(segment.Count);
                output.WriteArray(segment.Deleted.Words);
            }
            output.WriteInt32(commit.CommitData.Count);
            foreach (var (key, value) in commit.CommitData.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                output.WriteString(key);
                output.WriteString(value);
            }
            output.Finish(Version);
        }
        File.Move(temporary, path, overwrite: true);
        DurableFiles.SyncDirectory(directory);
    }

    /// <summary>The last commit, or <see cref="CommitPoint.Empty"/> when the directory has none.</summary>
    public static CommitPoint Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return CommitPoint.Empty;
        }
        using var input = ChecksummedReader.Open(path, Version);
        var generation = input.ReadInt64();
        EmbeddingModel? model = null;
        if (input.ReadCount(1) == 1)
        {
            model = new EmbeddingModel(input.ReadString(), input.ReadCount(1 << 20), input.ReadString());
        }
        var nextSegment = input.ReadInt64();
        var segments = new CommittedSegment[input.ReadCount(1 << 20)];
        for (var i = 0; i < segments.Length; i++)
        {
            var name = SafeName(input.ReadString(), input);
            var count = input.ReadCount(int.MaxValue);
            var wordCount = DeletionBits.WordsFor(count);
            if (wordCount * 8L > input.Remaining)
            {
                throw input.Corrupt("shorter than its own counts");
            }
            var words = new ulong[wordCount];
            input.ReadArray<ulong>(words);
            segments[i] = new CommittedSegment(name, count, DeletionBits.FromWords(words));
        }
        var commitData = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = input.ReadCount(1 << 20); i > 0; i--)
        {
            commitData[input.ReadString()] = input.ReadString();
        }
        input.Finish();
        if (model is null && segments.Length > 0)
        {
            throw input.Corrupt("segments without a model");
        }
        return new CommitPoint(generation, model, nextSegment, segments, commitData);
    }

    public static string SegmentName(long number) => "seg" + number.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    // Names become file names: a damaged meta file must not point outside the directory.
    private static string SafeName(string name, ChecksummedReader input) =>
        name.Length is > 0 and < 64 && name.All(char.IsAsciiLetterOrDigit) ? name : throw input.Corrupt("a segment name that is not one");
}
