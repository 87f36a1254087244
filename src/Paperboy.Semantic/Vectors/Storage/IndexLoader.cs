namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// Opens the last commit of a directory: reads the meta file, then every segment it names. A reader
/// without the write lock can lose a race with a writer that commits and deletes the old segments in
/// between; then the meta has moved on, and loading starts again from the new one. A segment missing
/// from an unchanged commit is corruption.
/// </summary>
internal static class IndexLoader
{
    private const int Attempts = 5;

    /// <param name="loaded">segments already in memory (the writer's), reused instead of read again</param>
    public static VectorIndex Open(string directory, VectorIndexOptions options, IReadOnlyDictionary<string, Segment>? loaded)
    {
        for (var attempt = 1; ; attempt++)
        {
            var commit = MetaFile.Read(directory);
            try
            {
                return new VectorIndex(commit, LoadSegments(directory, commit, loaded), options);
            }
            catch (CorruptVectorIndexException) when (attempt < Attempts && MetaFile.Read(directory).Generation != commit.Generation)
            {
                // The writer committed while we read; try its newer commit.
            }
        }
    }

    public static Dictionary<string, Segment> LoadSegments(string directory, CommitPoint commit, IReadOnlyDictionary<string, Segment>? loaded)
    {
        var segments = new Dictionary<string, Segment>(StringComparer.Ordinal);
        foreach (var committed in commit.Segments)
        {
            segments[committed.Name] = loaded is not null && loaded.TryGetValue(committed.Name, out var segment)
                ? segment
                : SegmentFile.Read(directory, committed.Name, committed.Count, commit.Model!.Dimensions);
        }
        return segments;
    }
}
