namespace Paperboy.Search;

/// <summary>
/// How many matches fall in each category and each year, over the whole matched set (not only the
/// page): most frequent first, ties by name; years newest first.
/// </summary>
public sealed record FacetCounts(IReadOnlyList<FacetValue> Categories, IReadOnlyList<FacetValue> Years);

public sealed record FacetValue(string Value, int Count);
