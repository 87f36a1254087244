namespace Paperboy.Search;

/// <summary>
/// One page of results. <see cref="TotalMatches"/> counts every matching document, not just this
/// page; <see cref="Facets"/> is there when the request asked for it.
/// </summary>
public sealed record SearchResults(int TotalMatches, IReadOnlyList<SearchHit> Hits, ParsedQuery Query)
{
    public FacetCounts? Facets { get; init; }
}
