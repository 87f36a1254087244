using Paperboy.Core.Papers;

namespace Paperboy.Storage;

/// <summary>
/// A stored paper with what the store keeps beside it, as `paperboy copy` moves it from one store to
/// another without merging: its title key, content hash and the time it last changed.
/// </summary>
public sealed record PaperRow(Paper Paper, string? TitleKey, string ContentHash, DateTimeOffset ChangedAt);
