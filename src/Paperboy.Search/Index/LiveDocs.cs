using System.Numerics;

namespace Paperboy.Search.Indexing;

/// <summary>
/// Which documents of a segment are still live: a replaced or removed paper is marked deleted in
/// the segment that holds it (segments are immutable; only this bit set changes) until a merge
/// drops it. A set bit means deleted. Copy on write: a commit publishes a new instance, so a
/// search that holds the old one keeps a consistent view.
/// </summary>
internal sealed class LiveDocs
{
    private readonly ulong[] _deleted;

    public LiveDocs(int docCount)
        : this(docCount, new ulong[(docCount + 63) / 64])
    {
    }

    internal LiveDocs(int docCount, ulong[] deleted)
    {
        DocCount = docCount;
        _deleted = deleted;
        foreach (var word in deleted)
        {
            DeletedCount += BitOperations.PopCount(word);
        }
    }

    public int DocCount { get; }
    public int DeletedCount { get; private set; }
    public int LiveCount => DocCount - DeletedCount;
    public bool HasDeletions => DeletedCount > 0;

    /// <summary>The raw words, for writing to disk; bit d of word d / 64 is document d.</summary>
    internal ReadOnlySpan<ulong> Words => _deleted;

    public bool IsLive(int doc) => (_deleted[doc >> 6] & (1UL << (doc & 63))) == 0;

    /// <summary>A copy with <paramref name="docs"/> deleted as well; this instance does not change.</summary>
    public LiveDocs WithDeleted(IEnumerable<int> docs)
    {
        var copy = (ulong[])_deleted.Clone();
        foreach (var doc in docs)
        {
            copy[doc >> 6] |= 1UL << (doc & 63);
        }
        return new LiveDocs(DocCount, copy);
    }
}
