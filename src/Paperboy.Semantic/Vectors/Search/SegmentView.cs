using Paperboy.Semantic.Vectors.Hnsw;
using Paperboy.Semantic.Vectors.Storage;

namespace Paperboy.Semantic.Vectors.Search;

/// <summary>A segment as one snapshot sees it: the immutable segment and the deletions of that commit.</summary>
internal sealed class SegmentView(Segment segment, DeletionBits deleted)
{
    public Segment Segment => segment;

    public DeletionBits Deleted => deleted;

    public int LiveCount => segment.Count - deleted.Count;

    public FloatVectors Vectors => new(segment.Vectors, segment.Dimensions);

    public bool IsLive(int ordinal) => !deleted.IsDeleted(ordinal);

    public bool TryGetLive(string key, out int ordinal) => segment.TryGetOrdinal(key, out ordinal) && IsLive(ordinal);
}
