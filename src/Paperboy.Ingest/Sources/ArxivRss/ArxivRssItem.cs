using Paperboy.Core.Papers;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>One listing entry: the paper as the feed describes it and why it was announced.</summary>
public sealed record ArxivRssItem(Paper Paper, AnnounceType Announce);
