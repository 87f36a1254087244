namespace Paperboy.Ingest.Sources;

/// <summary>The real endpoints, bound from "Paperboy:Sources"; each can point elsewhere (a mirror, a test server).</summary>
public sealed class SourceEndpoints
{
    public Uri ArxivApi { get; set; } = new("https://export.arxiv.org/api/query");
    public Uri OaiPmh { get; set; } = new("https://oaipmh.arxiv.org/oai");
    public Uri HfDaily { get; set; } = new("https://huggingface.co/api/daily_papers");
    public Uri ArxivRss { get; set; } = new("https://rss.arxiv.org/rss/");

    /// <summary>Entries per arXiv API page (the API allows up to 2,000; smaller pages resume sooner).</summary>
    public int ArxivApiPageSize { get; set; } = 200;

    /// <summary>arXivRaw carries the full version history with dates; arXiv carries structured author names.</summary>
    public string OaiMetadataPrefix { get; set; } = "arXivRaw";
}
