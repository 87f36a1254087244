namespace Paperboy.Ingest;

/// <summary>The bulk file formats Paperboy can import; <see cref="FormatDetector"/> tells them apart by content.</summary>
public enum ImportFormat
{
    Unknown,

    /// <summary>A trending-papers web page saved as text: chrome lines, then title and abstract lines in turn.</summary>
    SavedPage,

    /// <summary>The Kaggle "arXiv metadata OAI snapshot": one JSON object per line, plain or gzip.</summary>
    KaggleSnapshot,

    /// <summary>A saved arXiv API response: an Atom feed with opensearch paging (export.arxiv.org/api/query).</summary>
    ArxivApiFeed,

    /// <summary>A saved OAI-PMH response (ListRecords or GetRecord) in the arXiv or arXivRaw metadata format.</summary>
    OaiPmh,

    /// <summary>A saved Hugging Face daily-papers API response: a JSON array of {paper: {...}, ...}.</summary>
    HfDailyPapers,

    /// <summary>A saved arXiv listing feed: the old RSS 1.0/RDF format or the 2024+ RSS 2.0/Atom one.</summary>
    ArxivRss,
}
