using System.Collections.ObjectModel;

namespace Paperboy.Core.Papers;

/// <summary>
/// One research paper as Paperboy knows it: the merged view of everything the sources said.
/// Display fields (Title, Abstract) are cleaned; the raw text as a source gave it is kept beside them.
/// </summary>
public sealed record Paper
{
    /// <summary>The canonical id: the arXiv base id (no version) when known, otherwise a title-derived id.</summary>
    public required string Id { get; init; }

    /// <summary>The arXiv base id, or null for a paper known only by its title.</summary>
    public string? ArxivId { get; init; }

    /// <summary>Versions known, oldest first; empty when no source gave versions.</summary>
    public IReadOnlyList<PaperVersion> Versions { get; init; } = [];

    public required string Title { get; init; }
    public string TitleRaw { get; init; } = "";

    /// <summary>Authors in the order the paper lists them.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    public string Abstract { get; init; } = "";
    public string AbstractRaw { get; init; } = "";

    /// <summary>arXiv categories, primary first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>When version 1 appeared (arXiv's "published").</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the latest version appeared or the metadata last changed at the source.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When this installation first stored the paper; set by the store, kept across updates.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    public string? Doi { get; init; }
    public string? JournalRef { get; init; }
    public string? Comments { get; init; }

    /// <summary>Code repositories mentioned in the abstract or comments (GitHub, GitLab, ...).</summary>
    public IReadOnlyList<string> CodeLinks { get; init; } = [];

    /// <summary>True when the authors withdrew the paper.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>Upvotes, comments and trending date from a community source, or null when none reported.</summary>
    public PaperEngagement? Engagement { get; init; }

    /// <summary>Which source supplied each field ("title" -> "kaggle-snapshot"), for provenance and merge rules.</summary>
    public IReadOnlyDictionary<string, string> FieldSources { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The latest version number, or 0 when no source gave versions.</summary>
    public int LatestVersion => Versions.Count == 0 ? 0 : Versions.Max(v => v.Number);

    public PaperLinks Links => PaperLinks.For(this);
}
