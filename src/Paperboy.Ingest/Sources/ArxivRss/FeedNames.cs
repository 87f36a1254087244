namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>The XML namespaces of the two arXiv feed formats.</summary>
internal static class FeedNames
{
    /// <summary>RSS 1.0 (https://web.resource.org/rss/1.0/spec): the pre-2024 export.arxiv.org/rss feeds.</summary>
    public const string Rss1 = "http://purl.org/rss/1.0/";

    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /// <summary>Dublin Core elements: dc:creator, dc:date, dc:rights in both formats.</summary>
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>arXiv's own namespace for arxiv:announce_type in the 2024+ rss.arxiv.org feeds.</summary>
    public const string Arxiv = "http://arxiv.org/schemas/atom";
}
