namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>Why a paper is in a day's listing, as arXiv's <c>arxiv:announce_type</c> names it (info.arxiv.org/help/rss_specifications.html).</summary>
public enum AnnounceType
{
    /// <summary>A new submission whose primary category is in the feed.</summary>
    New,

    /// <summary>A new version of a paper whose primary category is in the feed.</summary>
    Replace,

    /// <summary>A new paper from another category, cross-listed into the feed.</summary>
    Cross,

    /// <summary>A new version of a paper cross-listed into the feed.</summary>
    ReplaceCross,
}
