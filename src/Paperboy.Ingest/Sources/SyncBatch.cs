namespace Paperboy.Ingest.Sources;

/// <summary>
/// One page of a source: its records, what it was, the checkpoint to save after storing it, and how
/// far the whole run has come when the source knows (records done of a total), for progress bars.
/// </summary>
public sealed record SyncBatch(IReadOnlyList<ImportRecord> Records, string Description, SyncCheckpoint? Checkpoint)
{
    public long? Done { get; init; }
    public long? Total { get; init; }
}

/// <summary>A value to keep under a key (null removes it), owned by one source.</summary>
public sealed record SyncCheckpoint(string Key, string? Value);
