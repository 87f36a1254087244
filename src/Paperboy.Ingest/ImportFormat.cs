namespace Paperboy.Ingest;

/// <summary>The bulk file formats Paperboy can import; <see cref="FormatDetector"/> tells them apart by content.</summary>
public enum ImportFormat
{
    Unknown,

    /// <summary>A trending-papers web page saved as text: chrome lines, then title and abstract lines in turn.</summary>
    SavedPage,

    /// <summary>The Kaggle "arXiv metadata OAI snapshot": one JSON object per line, plain or gzip.</summary>
    KaggleSnapshot,
}
