using Paperboy.Application.Searching;
using Paperboy.Search;

namespace Paperboy.Application.Semantic;

/// <summary>
/// The semantic and hybrid orders of one search (docs/SEMANTIC.md). Semantic: the papers nearest the
/// query's words, filters applied inside the vector search. Hybrid: the keyword ranking and the
/// semantic ranking, each read <see cref="HybridSettings.Depth"/> deep, fused by reciprocal rank; past
/// the fused list, pages go on with the keyword ranking. Facets and the match count come from the
/// keyword side, which is where they mean something (plus the papers found by meaning alone); a
/// keyword count that stopped is still a lower bound.
/// </summary>
internal static class HybridRanking
{
    public static HybridPage Rank(
        SearchIndex index, SemanticIndex semantic, string query, string text, SearchMode mode, int limit, int offset, bool facets, HybridSettings settings)
    {
        int depth = Math.Max(settings.Depth, offset + limit);
        var accept = index.KeyFilter(query);
        var nearest = semantic.Rank(text, depth, accept);
        if (mode == SearchMode.Semantic)
        {
            var page = nearest.Skip(offset).Take(limit).Select(h => (h.Key, h.Score, SearchMatch.Meaning)).ToList();
            return new HybridPage(page, nearest.Count, TotalIsLowerBound: false, null);
        }
        var keyword = index.Search(new SearchRequest(query) { Limit = depth, Highlight = false, Facets = facets });
        var fused = RankFusion.Fuse(keyword.Hits.Select(h => h.Key).ToList(), nearest.Select(h => h.Key).ToList(), settings);
        var ranked = fused.Select(f => (f.Key, (float)f.Score, MatchOf(f))).ToList();
        if (offset + limit > ranked.Count && keyword.TotalMatches > keyword.Hits.Count)
        {
            // The keyword ranking past what was fused: it goes on in its own order.
            var seen = ranked.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var deeper = index.Search(new SearchRequest(query) { Limit = offset + limit + ranked.Count, Highlight = false });
            ranked.AddRange(deeper.Hits.Where(h => seen.Add(h.Key)).Select(h => (h.Key, 0f, SearchMatch.Words)));
        }
        int semanticOnly = fused.Count(f => f.KeywordRank is null);
        return new HybridPage(ranked.Skip(offset).Take(limit).ToList(), keyword.TotalMatches + semanticOnly, keyword.TotalIsLowerBound, keyword.Facets);
    }

    private static SearchMatch MatchOf(FusedRank rank) => (rank.KeywordRank, rank.SemanticRank) switch
    {
        (not null, not null) => SearchMatch.WordsAndMeaning,
        (null, _) => SearchMatch.Meaning,
        _ => SearchMatch.Words,
    };
}

/// <summary>One page of a semantic or hybrid ranking, with the match count and facets of the whole.</summary>
internal sealed record HybridPage(IReadOnlyList<(string Key, float Score, SearchMatch Match)> Page, int Total, bool TotalIsLowerBound, FacetCounts? Facets);
