using System.Numerics;
using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Collectors;

/// <summary>
/// The exact number of matches of a pure disjunction, counted apart from ranking so that a pruned
/// search, which scores only the documents that can still reach the top k, keeps an exact total. Per
/// segment, every clause sets the bits of its documents in a bit set (doc ids only: no frequencies,
/// no scores); the excluded clauses' bits, the deleted documents and those the filter rejects are
/// cleared a word at a time, and the bits left are counted: a posting costs one OR, with no
/// comparison between clauses.
/// </summary>
internal sealed class MatchCounter
{
    private ulong[] _matches = [];
    private ulong[] _excluded = [];

    public int Count { get; private set; }

    /// <summary>Counts one segment's matches; <paramref name="each"/>, when given, sees each of them (facets).</summary>
    /// <param name="parts">Fresh scorers of the clauses that add matches.</param>
    public void CountSegment(SegmentView view, DisjunctionParts parts, ICollector? each)
    {
        var words = (view.Segment.DocCount + 63) >> 6;
        var matches = Cleared(ref _matches, words);
        foreach (var clause in parts.Clauses)
        {
            clause.AddMatches(_matches);
        }
        if (parts.Exclusion is { } exclusion)
        {
            var excluded = Cleared(ref _excluded, words);
            exclusion.AddMatches(_excluded);
            for (var w = 0; w < words; w++)
            {
                matches[w] &= ~excluded[w];
            }
        }
        if (view.Live is { } live)
        {
            var deleted = live.Words;
            for (var w = 0; w < words; w++)
            {
                matches[w] &= ~deleted[w];
            }
        }
        if (parts.Filter is { } filter)
        {
            var passing = filter.Bits;
            for (var w = 0; w < words; w++)
            {
                matches[w] &= passing[w];
            }
        }
        if (each is null)
        {
            foreach (var word in matches)
            {
                Count += BitOperations.PopCount(word);
            }
            return;
        }
        for (var w = 0; w < words; w++)
        {
            for (var word = matches[w]; word != 0; word &= word - 1)
            {
                Count++;
                each.Collect(view.DocBase + (w << 6) + BitOperations.TrailingZeroCount(word), 0);
            }
        }
    }

    // The first `words` words of the buffer, zeroed; the buffer grows to the largest segment.
    private static Span<ulong> Cleared(ref ulong[] buffer, int words)
    {
        if (buffer.Length < words)
        {
            buffer = new ulong[words];
        }
        var span = buffer.AsSpan(0, words);
        span.Clear();
        return span;
    }
}
