namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>One item read from a feed: mapped, or the error that explains why not. Exactly one is non-null.</summary>
internal sealed record ArxivRssEntry(ArxivRssItem? Item, ImportError? Error);
