using System.Numerics;
using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Collectors;

/// <summary>
/// The number of matches of a pure disjunction, counted apart from ranking so that a pruned search,
/// which scores only the documents that can still reach the top k, keeps an exact total. A segment is
/// counted in windows of <see cref="DefaultWindow"/> documents: every clause sets the bits of its documents
/// of the window (doc ids only: no frequencies, no scores); the excluded clauses' bits, the deleted
/// documents and those the filter rejects are cleared a word at a time, and the bits left are counted.
/// A posting costs one OR, with no comparison between clauses, and a window's bits stay in the cache.
/// With a <see cref="CountBudget"/>, counting stops at the first window after the budget is reached:
/// the blocks of the rest are never decoded, and <see cref="Count"/> is then a lower bound.
/// </summary>
internal sealed class MatchCounter
{
    /// <summary>Documents counted at a time: the window's bits take 8 KB.</summary>
    public const int DefaultWindow = 1 << 16;

    private readonly int _window;
    private readonly ulong[] _matches;
    private ulong[]? _excluded;

    /// <param name="window">Documents counted at a time, a positive multiple of 64 (tests use small ones to cross many window edges).</param>
    public MatchCounter(int window = DefaultWindow)
    {
        DocumentWindow.Require(window);
        _window = window;
        _matches = new ulong[window >> 6];
    }

    public int Count { get; private set; }

    /// <summary>Counts one segment's matches; <paramref name="each"/>, when given, sees each of them (facets).</summary>
    /// <param name="parts">Fresh scorers of the clauses that add matches.</param>
    /// <param name="budget">Shared with the search's other threads; counting stops once it is reached.</param>
    public void CountSegment(SegmentView view, DisjunctionParts parts, ICollector? each, CountBudget? budget = null)
    {
        var docCount = view.Segment.DocCount;
        for (var start = 0; start < docCount && budget is not { Reached: true }; start += _window)
        {
            var end = Math.Min(start + _window, docCount);
            var counted = CountWindow(view, parts, each, start, end);
            Count += counted;
            budget?.Add(counted);
        }
    }

    private int CountWindow(SegmentView view, DisjunctionParts parts, ICollector? each, int start, int end)
    {
        var words = (end - start + 63) >> 6;
        var matches = _matches.AsSpan(0, words);
        matches.Clear();
        foreach (var clause in parts.Clauses)
        {
            clause.AddMatches(_matches, start, end);
        }
        var first = start >> 6;
        if (parts.Exclusion is { } exclusion)
        {
            _excluded ??= new ulong[_matches.Length];
            var excluded = _excluded.AsSpan(0, words);
            excluded.Clear();
            exclusion.AddMatches(_excluded, start, end);
            for (var w = 0; w < words; w++)
            {
                matches[w] &= ~excluded[w];
            }
        }
        if (view.Live is { } live)
        {
            var deleted = live.Words.Slice(first, words);
            for (var w = 0; w < words; w++)
            {
                matches[w] &= ~deleted[w];
            }
        }
        if (parts.Filter is { } filter)
        {
            var passing = filter.Bits.AsSpan(first, words);
            for (var w = 0; w < words; w++)
            {
                matches[w] &= passing[w];
            }
        }
        var count = 0;
        if (each is null)
        {
            foreach (var word in matches)
            {
                count += BitOperations.PopCount(word);
            }
            return count;
        }
        for (var w = 0; w < words; w++)
        {
            for (var word = matches[w]; word != 0; word &= word - 1)
            {
                count++;
                each.Collect(view.DocBase + start + (w << 6) + BitOperations.TrailingZeroCount(word), 0);
            }
        }
        return count;
    }
}
