namespace Paperboy.Search;

/// <summary>What to search for and how to page, order and summarise the matches.</summary>
public sealed record SearchRequest(string? Query)
{
    public int Limit { get; init; } = 10;
    public int Offset { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Snippets with the matched words marked; off for ranking only (evaluation, benchmarks).</summary>
    public bool Highlight { get; init; } = true;

    /// <summary>Count categories and years over every match, not just the page.</summary>
    public bool Facets { get; init; }
}

/// <summary>The order of results. Every order breaks ties by relevance, then by the order papers were added.</summary>
public enum SearchSort
{
    Relevance,

    /// <summary>Newest publication date first; papers without a date last.</summary>
    Newest,

    /// <summary>Most upvoted first.</summary>
    MostUpvoted,
}
