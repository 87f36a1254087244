namespace Paperboy.Search.Indexing;

/// <summary>
/// Which segments to merge next, keeping the segment count logarithmic in the document count:
/// segments fall into levels by size (a level is <see cref="Factor"/> times the one below), and
/// <see cref="Factor"/> neighbouring segments of one level merge into one of the next (the
/// LogMergePolicy of Lucene). Only neighbours merge, so global ids keep the order documents were
/// added in and ties break the same way before and after. A segment that is mostly deleted
/// documents is rewritten alone, so deleted papers do not cost space and time for long.
/// </summary>
internal sealed class MergePolicy
{
    public MergePolicy(int factor = 8, int smallestLevelDocs = 1_000, double maxDeletedShare = 0.4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 2);
        Factor = factor;
        SmallestLevelDocs = smallestLevelDocs;
        MaxDeletedShare = maxDeletedShare;
    }

    public int Factor { get; }
    public int SmallestLevelDocs { get; }
    public double MaxDeletedShare { get; }

    /// <summary>The first run of segments to merge, as (start, count), or null when none is due.</summary>
    public (int Start, int Count)? Select(IReadOnlyList<WriterSegment> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (Available(segment) && segment.Segment.DocCount > 0
                && segment.Live.DeletedCount > MaxDeletedShare * segment.Segment.DocCount)
            {
                return (i, 1);
            }
        }
        for (var start = 0; start + Factor <= segments.Count; start++)
        {
            var level = Level(segments[start]);
            var run = 0;
            while (run < Factor && Available(segments[start + run]) && Level(segments[start + run]) == level)
            {
                run++;
            }
            if (run == Factor)
            {
                return (start, Factor);
            }
        }
        return null;
    }

    public int Level(WriterSegment segment)
    {
        var live = segment.Live.LiveCount;
        return live <= SmallestLevelDocs ? 0 : 1 + (int)Math.Floor(Math.Log((double)live / SmallestLevelDocs, Factor));
    }

    // A segment flushed since the last commit may merge too: the merged one is committed in its place.
    private static bool Available(WriterSegment segment) => !segment.Merging;
}
