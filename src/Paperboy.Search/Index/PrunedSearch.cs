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
/// taking the next segment in index order with its own top k and count, merged at the end; the threads
/// also prune below the best k-th score any of them has reached (<see cref="SharedFloor"/>). The result
/// is the same: each thread's threshold is at most the final one, so nothing of the final top k is
/// pruned, and the merge ranks by score and global id whatever segments each thread took. Facets, which would
/// need merging too, keep the search on one thread.
/// </para>
/// <para>
/// Without facets, counting stops once the threads together have counted the total the request wants
/// exact (<see cref="SearchRequest.ExactTotalUpTo"/>, a <see cref="CountBudget"/>): a query matching a
/// third of 2.7 million papers then decodes a window or two of its postings for the count instead of
/// all of them, as Lucene's and Elasticsearch's total-hits thresholds do. The total is that number,
/// marked as a lower bound, whichever thread got there first, so the answer never depends on timing.
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
        var counted = RankAndCount(weight, context, collector, facets, windows, budget);
        return budget is not null && counted >= exactUpTo ? new MatchTotal(exactUpTo, AtLeast: true) : new MatchTotal(counted, AtLeast: false);
    }

    // Ranks into the collector and returns how many matches were counted.
    private static int RankAndCount(BooleanWeight weight, SearchContext context, TopKCollector collector, FacetCollector? facets, (int, int) windows, CountBudget? budget)
    {
        var segments = context.Segments.Segments;
        var threads = context.Threads;
        var next = -1;
        if (threads < 2 || facets is not null)
        {
            return RunSegments(weight, context, ref next, collector, facets, windows, budget);
        }
        // Each thread takes the next segment in index order until none is left, so a thread that starts
        // late (a pool thread woken from sleep) takes fewer instead of holding up its share, and each
        // thread still sees increasing global ids. The largest segments come first in index order.
        var collectors = new TopKCollector[threads];
        var counts = new int[threads];
        var floor = new SharedFloor();
        context.ForEach(threads, t => counts[t] = RunSegments(weight, context, ref next, collectors[t] = collector.Empty(), null, windows, budget, floor));
        foreach (var group in collectors)
        {
            foreach (var hit in group.Results())
            {
                collector.Offer(hit.Doc, hit.Score);
            }
        }
        return counts.Sum();
    }

    // Counts and ranks segments taken from `next` (shared by the threads of one search) until none is left.
    private static int RunSegments(BooleanWeight weight, SearchContext context, ref int next, TopKCollector collector, FacetCollector? facets,
        (int Scoring, int Counting) windows, CountBudget? budget, SharedFloor? floor = null)
    {
        var counter = new MatchCounter(windows.Counting);
        var segments = context.Segments.Segments;
        for (var s = Interlocked.Increment(ref next); s < segments.Count; s = Interlocked.Increment(ref next))
        {
            var view = segments[s];
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
}
