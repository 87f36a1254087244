using Paperboy.Search.Indexing;

namespace Paperboy.Search.Storage;

/// <summary>
/// Opens the segments a commit names, verifying every file. A reader racing a writer may read a
/// meta file whose files a newer commit has already deleted: it then reads the newer meta file and
/// tries again. A file that is damaged, or missing while its commit is still the current one, is
/// corruption and is reported as such.
/// </summary>
internal static class CommitReader
{
    private const int Attempts = 5;

    public static (CommitPoint Commit, List<(Segment Segment, LiveDocs? Live, string Name)> Segments) OpenLatest(string directory)
    {
        for (var attempt = 1; ; attempt++)
        {
            var commit = MetaFile.Read(directory);
            try
            {
                return (commit, Open(directory, commit));
            }
            catch (CorruptIndexException) when (attempt < Attempts && MetaFile.Read(directory).Generation != commit.Generation)
            {
                // A commit landed meanwhile; its files are the ones to read.
            }
        }
    }

    public static List<(Segment Segment, LiveDocs? Live, string Name)> Open(string directory, CommitPoint commit)
    {
        var segments = new List<(Segment, LiveDocs?, string)>();
        foreach (var entry in commit.Segments)
        {
            var segment = SegmentFiles.Open(directory, entry.Name);
            if (segment.DocCount != entry.DocCount)
            {
                throw new CorruptIndexException(Path.Combine(directory, SegmentFiles.FileNamesOf(entry.Name)[0]),
                    $"holds {segment.DocCount} documents where the commit says {entry.DocCount}");
            }
            var live = entry.DeletionsGeneration == 0 ? null : DeletionsFiles.Read(directory, entry);
            segments.Add((segment, live, entry.Name));
        }
        return segments;
    }
}
