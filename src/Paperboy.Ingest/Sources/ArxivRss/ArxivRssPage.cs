namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>
/// One day's listing feed: the items that mapped, an error (with its line) for each that did not, the announcement
/// date the channel states, and the channel's category ("cs", "math.AG", "cs.AI+q-bio.NC") when it names one.
/// </summary>
public sealed record ArxivRssPage(
    IReadOnlyList<ArxivRssItem> Items,
    IReadOnlyList<ImportError> Errors,
    DateTimeOffset? Date,
    string? Channel);
