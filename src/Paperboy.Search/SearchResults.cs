namespace Paperboy.Search;

/// <summary>
/// One page of results. <see cref="TotalMatches"/> counts every matching document, not just this page.
/// </summary>
public sealed record SearchResults(int TotalMatches, IReadOnlyList<SearchHit> Hits, ParsedQuery Query);
