using Paperboy.Search;

namespace Paperboy.Application.Searching;

/// <summary>
/// One page of search results: the hits asked for, how many papers matched in all (or at least, when
/// the search stopped counting: <see cref="TotalIsLowerBound"/>), and, when asked for, how the matches
/// spread over categories and years.
/// </summary>
public sealed record PaperSearchResult(string Query, int TotalMatches, int Offset, IReadOnlyList<PaperHit> Hits)
{
    /// <summary>
    /// At least <see cref="TotalMatches"/> papers match: a ranked keyword search stops counting at
    /// 10,000 (<see cref="SearchRequest.ExactTotalUpTo"/>) unless facets were asked for.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public FacetCounts? Facets { get; init; }

    /// <summary>How the results were ranked.</summary>
    public Semantic.SearchMode Mode { get; init; } = Semantic.SearchMode.Keyword;

    /// <summary>Why the mode asked for was not used, when it was not.</summary>
    public string? Notice { get; init; }
}
