using Paperboy.Search.Collectors;
using Paperboy.Search.Indexing;
using Paperboy.Search.Queries;
using Paperboy.Search.Scoring;

namespace Paperboy.Search;

/// <summary>
/// A pure disjunction ranked by score with dynamic pruning, in two passes per segment: a counting pass
/// that walks only doc ids (<see cref="MatchCounter"/>; it also feeds the facets, which need every
/// match) and a ranking pass that scores only what can still reach the top k
/// (<see cref="MaxScoreBulkScorer"/>). Totals and facets stay exact; the top k and their scores are
/// those of the exhaustive path, which <see cref="SearchIndex.WithoutPruning"/> keeps as the reference.
/// <para>
/// A large index is searched by several threads (<see cref="SearchSettings.SearchThreads"/>), each
/// taking a group of segments with its own top k and count, merged at the end; the groups also prune
/// below the best k-th score any of them has reached (<see cref="SharedFloor"/>). The result is the same:
/// each group's threshold is at most the final one, so nothing of the final top k is pruned, and the
/// merge ranks by score and global id whatever the order the groups finish in. Facets, which would
/// need merging too, keep the search on one thread.
/// </para>
/// <para>
/// Without facets, counting stops once the groups together have counted the total the request wants
/// exact (<see cref="SearchRequest.ExactTotalUpTo"/>, a <see cref="CountBudget"/>): a query matching a
/// third of 2.7 million papers then decodes a window or two of its postings for the count instead of
/// all of them, as Lucene's and Elasticsearch's total-hits thresholds do. The total is that number,
/// marked as a lower bound, whichever group got there first, so the answer never depends on timing.
/// </para>
/// </summary>
internal static class PrunedSearch
{
    /// <summary>Offers the best matches to <paramref name="collector"/> (ranking by score) and returns how many match.</summary>
    /// <param name="exactUpTo">Past this many matches, the total may be this number as a lower bound (facets always count all).</param>
    /// <param name="windows">Documents a window of scoring (<see cref="MaxScoreBulkScorer"/>) and of counting (<see cref="MatchCounter"/>) covers.</param>
    public static MatchTotal Run(BooleanWeight weight, SearchContext context, TopKCollector collector, FacetCollector? facets,
        (int Scoring, int Counting) windows, int exactUpTo = int.MaxValue)
    {
        var budget = facets is null && exactUpTo < int.MaxValue ? new CountBudget(exactUpTo) : null;
        var counted = Count(weight, context, collector, facets, windows, budget);
        return budget is not null && counted >= exactUpTo ? new MatchTotal(exactUpTo, AtLeast: true) : new MatchTotal(counted, AtLeast: false);
    }

    private static int Count(BooleanWeight weight, SearchContext context, TopKCollector collector, FacetCollector? facets, (int, int) windows, CountBudget? budget)
    {
        var segments = context.Segments.Segments;
        var threads = context.Threads;
        if (threads < 2 || facets is not null)
        {
            return RunSegments(weight, context, [.. Enumerable.Range(0, segments.Count)], collector, facets, windows, budget);
        }
        var groups = Groups(segments, threads);
        var collectors = groups.Select(_ => collector.Empty()).ToArray();
        var counts = new int[groups.Length];
        var floor = new SharedFloor();
        context.ForEach(groups.Length, g => counts[g] = RunSegments(weight, context, groups[g], collectors[g], null, windows, budget, floor));
        foreach (var group in collectors)
        {
            foreach (var hit in group.Results())
            {
                collector.Offer(hit.Doc, hit.Score);
            }
        }
        return counts.Sum();
    }

    private static int RunSegments(BooleanWeight weight, SearchContext context, int[] segmentNumbers, TopKCollector collector, FacetCollector? facets,
        (int Scoring, int Counting) windows, CountBudget? budget, SharedFloor? floor = null)
    {
        var counter = new MatchCounter(windows.Counting);
        foreach (var s in segmentNumbers)
        {
            var view = context.Segments.Segments[s];
            if (budget is not { Reached: true })
            {
                if (weight.CreateDisjunction(s, forCounting: true) is not { } counted)
                {
                    continue;
                }
                facets?.SetSegment(view);
                counter.CountSegment(view, counted, facets, budget);
            }
            if (weight.CreateDisjunction(s, forCounting: false) is { } scored)
            {
                new MaxScoreBulkScorer(scored.Clauses, windows.Scoring).Score(view, scored, collector, floor);
            }
        }
        return counter.Count;
    }

    // Segments into groups of about equal documents, largest first to the lightest group; each group
    // keeps its segments in index order, as a pruned pass over segments expects (increasing global ids).
    private static int[][] Groups(IReadOnlyList<SegmentView> segments, int count)
    {
        var groups = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        var load = new long[count];
        foreach (var s in Enumerable.Range(0, segments.Count).OrderByDescending(s => segments[s].Segment.DocCount))
        {
            var lightest = Array.IndexOf(load, load.Min());
            groups[lightest].Add(s);
            load[lightest] += segments[s].Segment.DocCount;
        }
        return [.. groups.Where(g => g.Count > 0).Select(g => g.Order().ToArray())];
    }
}
