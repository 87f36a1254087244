using Paperboy.Search.Collectors;
using Paperboy.Search.Queries;
using Paperboy.Search.Scoring;

namespace Paperboy.Search;

/// <summary>
/// A pure disjunction ranked by score with dynamic pruning, in two passes per segment: a counting pass
/// that walks only doc ids (<see cref="MatchCounter"/>; it also feeds the facets, which need every
/// match) and a ranking pass that scores only what can still reach the top k
/// (<see cref="MaxScoreBulkScorer"/>). Totals and facets stay exact; the top k and their scores are
/// those of the exhaustive path, which <see cref="SearchIndex.WithoutPruning"/> keeps as the reference.
/// </summary>
internal static class PrunedSearch
{
    /// <summary>Offers the best matches to <paramref name="collector"/> (ranking by score) and returns how many match.</summary>
    public static int Run(BooleanWeight weight, SearchContext context, TopKCollector collector, FacetCollector? facets, int window)
    {
        var counter = new MatchCounter();
        var segments = context.Segments.Segments;
        for (var s = 0; s < segments.Count; s++)
        {
            var view = segments[s];
            if (weight.CreateDisjunction(s, forCounting: true) is not { } counted)
            {
                continue;
            }
            facets?.SetSegment(view);
            counter.CountSegment(view, counted, facets);
            var scored = weight.CreateDisjunction(s, forCounting: false)!;
            new MaxScoreBulkScorer(scored.Clauses, window).Score(view, scored, collector);
        }
        return counter.Count;
    }
}
