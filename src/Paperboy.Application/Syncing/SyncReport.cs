namespace Paperboy.Application.Syncing;

/// <summary>What a sync run did: papers added, updated, unchanged, records rejected, pages read, and the error that ended it.</summary>
public sealed record SyncReport(
    string Source, int Added, int Updated, int Unchanged, int Rejected, int Batches, string? Error, IReadOnlyList<string> Errors)
{
    /// <summary>Records done of the run's total, when the source says (OAI-PMH list size, arXiv API total).</summary>
    public long? Done { get; init; }

    public long? Total { get; init; }

    /// <summary>At most this many record errors are kept; the count goes on.</summary>
    public const int MaxErrors = 1000;

    public static SyncReport Empty(string source) => new(source, 0, 0, 0, 0, 0, null, []);

    public SyncReport Plus(SyncReport batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return this with
        {
            Added = Added + batch.Added,
            Updated = Updated + batch.Updated,
            Unchanged = Unchanged + batch.Unchanged,
            Rejected = Rejected + batch.Rejected,
            Batches = Batches + batch.Batches,
            Errors = [.. Errors, .. batch.Errors.Take(Math.Max(0, MaxErrors - Errors.Count))],
        };
    }
}
