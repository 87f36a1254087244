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

    /// <summary>
    /// Matches are counted exactly up to this many. A search by relevance of words and phrases only
    /// (no required clause) that matches at least this many stops counting there: its
    /// <see cref="SearchResults.TotalMatches"/> is this number and <see cref="SearchResults.TotalIsLowerBound"/>
    /// is set (Elasticsearch's <c>track_total_hits</c>). Other searches count every match anyway and
    /// report it. With <see cref="Facets"/>, which need every match, the total is always exact;
    /// <see cref="int.MaxValue"/> makes it exact everywhere.
    /// </summary>
    public int ExactTotalUpTo { get; init; } = DefaultExactTotalUpTo;

    /// <summary>What <see cref="ExactTotalUpTo"/> is unless set: more than anyone pages through.</summary>
    public const int DefaultExactTotalUpTo = 10_000;
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
