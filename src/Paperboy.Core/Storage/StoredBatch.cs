using Paperboy.Core.Papers;

namespace Paperboy.Core.Storage;

/// <summary>
/// What one committed upsert batch changed: the change feed's answer for exactly its generation. Changed
/// holds the papers as the batch stored them, in id order; Removed the ids it deleted and did not store again.
/// </summary>
public sealed record StoredBatch(long Generation, IReadOnlyList<Paper> Changed, IReadOnlyList<string> Removed);
