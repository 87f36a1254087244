namespace Paperboy.Core.Storage;

/// <summary>
/// Where syncs keep what lets them resume and report: checkpoints (an OAI-PMH resumption token, the
/// last harvested datestamp, a feed's ETag) and the history of runs shown on the status page.
/// </summary>
public interface ISyncStateStore
{
    Task<string?> GetCheckpointAsync(string key, CancellationToken cancellationToken);

    /// <summary>Sets a checkpoint; null removes it.</summary>
    Task SetCheckpointAsync(string key, string? value, CancellationToken cancellationToken);

    Task<long> StartRunAsync(string source, string description, CancellationToken cancellationToken);

    Task FinishRunAsync(long runId, SyncRunResult result, CancellationToken cancellationToken);

    /// <summary>The latest runs, newest first.</summary>
    Task<IReadOnlyList<SyncRun>> ListRunsAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>How a sync run ended: counts of papers and the error that stopped it, if any.</summary>
public sealed record SyncRunResult(int Added, int Updated, int Unchanged, int Rejected, string? Error);

/// <summary>One sync run as the status page lists it.</summary>
public sealed record SyncRun(
    long Id,
    string Source,
    string Description,
    DateTimeOffset Started,
    DateTimeOffset? Finished,
    SyncRunResult? Result)
{
    /// <summary>The error a store records for a run whose process stopped before it could finish it.</summary>
    public const string InterruptedError = "interrupted: the process stopped before the run finished";

    public string Status => Finished is null ? "running" : Result?.Error is null ? "ok" : "failed";
}
