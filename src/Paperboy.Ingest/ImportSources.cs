namespace Paperboy.Ingest;

/// <summary>The source names readers record in <c>Paper.FieldSources</c>.</summary>
public static class ImportSources
{
    public const string SavedPage = "saved-page";
    public const string KaggleSnapshot = "kaggle-snapshot";
    public const string ArxivApi = "arxiv-api";
    public const string OaiPmh = "oai-pmh";
    public const string HfDaily = "hf-daily";
    public const string ArxivRss = "arxiv-rss";
}
