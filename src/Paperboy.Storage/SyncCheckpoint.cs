namespace Paperboy.Storage;

/// <summary>One sync checkpoint as stored, for copying between stores.</summary>
public sealed record SyncCheckpoint(string Key, string Value, DateTimeOffset UpdatedAt);
