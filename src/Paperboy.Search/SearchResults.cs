namespace Paperboy.Search;

/// <summary>
/// One page of results. <see cref="TotalMatches"/> counts every matching document, not just this
/// page, unless <see cref="TotalIsLowerBound"/> says that counting stopped there
/// (<see cref="SearchRequest.ExactTotalUpTo"/>); <see cref="Facets"/> is there when the request asked for it.
/// </summary>
public sealed record SearchResults(int TotalMatches, IReadOnlyList<SearchHit> Hits, ParsedQuery Query)
{
    /// <summary>At least <see cref="TotalMatches"/> documents match: the search stopped counting there.</summary>
    public bool TotalIsLowerBound { get; init; }

    public FacetCounts? Facets { get; init; }
}
