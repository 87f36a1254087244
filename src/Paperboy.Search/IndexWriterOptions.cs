namespace Paperboy.Search;

/// <summary>How a <see cref="SearchIndexWriter"/> buffers and merges.</summary>
public sealed record IndexWriterOptions
{
    public static readonly IndexWriterOptions Default = new();

    /// <summary>Documents held in memory before they are written as a segment (visible at the next commit).</summary>
    public int MaxBufferedDocs { get; init; } = 50_000;

    /// <summary>How many neighbouring segments of one size level merge into one.</summary>
    public int MergeFactor { get; init; } = 8;

    /// <summary>Segments up to this many live documents form the lowest merge level.</summary>
    public int SmallestLevelDocs { get; init; } = 1_000;

    /// <summary>Merge on a background thread after commits; false leaves merging to <see cref="SearchIndexWriter.MergeNow"/>.</summary>
    public bool BackgroundMerges { get; init; } = true;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBufferedDocs, 1, nameof(MaxBufferedDocs));
        ArgumentOutOfRangeException.ThrowIfLessThan(MergeFactor, 2, nameof(MergeFactor));
        ArgumentOutOfRangeException.ThrowIfLessThan(SmallestLevelDocs, 1, nameof(SmallestLevelDocs));
    }
}
