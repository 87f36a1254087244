namespace Paperboy.Ingest.Sources;

/// <summary>One page of a source: its records, what it was, and the checkpoint to save after storing it.</summary>
public sealed record SyncBatch(IReadOnlyList<ImportRecord> Records, string Description, SyncCheckpoint? Checkpoint);

/// <summary>A value to keep under a key (null removes it), owned by one source.</summary>
public sealed record SyncCheckpoint(string Key, string? Value);
