namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// Keeps the segment count bounded, since every search visits every segment. When a commit leaves
/// more than <see cref="VectorIndexOptions.MaxSegments"/>, the smaller half (by live vectors) merge
/// into one. Large segments are therefore rewritten rarely, and each merge at least halves the
/// excess, so the work per added vector stays proportional to the number of times it is merged,
/// which grows with the logarithm of the index size, as in Lucene's tiered merging. Fully deleted
/// segments are simply dropped. Merges run inside <see cref="VectorIndexWriter.Commit"/>, so they
/// need no thread of their own and a commit's cost includes them.
/// </summary>
internal static class MergePolicy
{
    /// <summary>The segments to merge into one, in commit order; empty when none need to.</summary>
    public static IReadOnlyList<CommittedSegment> Choose(IReadOnlyList<CommittedSegment> segments, int maxSegments)
    {
        if (segments.Count <= maxSegments)
        {
            return [];
        }
        var smallest = segments
            .OrderBy(s => s.Count - s.Deleted.Count)
            .Take((segments.Count + 1) / 2)
            .ToHashSet();
        return [.. segments.Where(smallest.Contains)];
    }
}
