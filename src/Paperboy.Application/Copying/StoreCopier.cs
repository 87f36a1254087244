using System.Diagnostics;
using Paperboy.Storage;
using Paperboy.Storage.Postgres;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application.Copying;

/// <summary>
/// `paperboy copy`: moves an installation's papers and sync state from its SQLite file to PostgreSQL,
/// row for row, and verifies the result. The source is read in one snapshot, so a sync running meanwhile
/// neither tears the copy nor fails the verification. The copy mirrors: papers the source lacks are
/// removed from the target, rows that differ are replaced and equal rows left alone, so running it again
/// (after more syncs into the SQLite file, or after an interruption) copies only what changed.
/// </summary>
public static class StoreCopier
{
    /// <summary>Papers per transaction: large enough to amortise a round trip, small enough to show progress.</summary>
    public const int BatchSize = 1_000;

    public static async Task<CopyReport> CopyAsync(
        SqlitePaperStore source, PostgresPaperStore target, IProgress<CopyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var clock = Stopwatch.StartNew();
        await target.MigrateAsync(cancellationToken);
        await using var snapshot = await source.OpenSnapshotAsync(cancellationToken);
        long total = await snapshot.CountPapersAsync(cancellationToken);
        progress?.Report(new CopyProgress(0, total));

        int removed = await target.RemoveOtherPapersAsync(await snapshot.ListIdsAsync(cancellationToken), cancellationToken);
        long copied = 0;
        long written = 0;
        var batch = new List<PaperRow>(BatchSize);
        await foreach (var row in snapshot.ScanAsync(cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                written += await target.CopyRowsAsync(batch, cancellationToken);
                copied += batch.Count;
                batch.Clear();
                progress?.Report(new CopyProgress(copied, total));
            }
        }
        written += await target.CopyRowsAsync(batch, cancellationToken);
        copied += batch.Count;
        progress?.Report(new CopyProgress(copied, total));

        var checkpoints = await snapshot.ListCheckpointsAsync(cancellationToken);
        var runs = await snapshot.ListRunsAsync(cancellationToken);
        await target.ReplaceSyncStateAsync(checkpoints, runs, cancellationToken);

        var sourceCensus = await snapshot.CensusAsync(cancellationToken);
        var targetCensus = await target.CensusAsync(cancellationToken);
        return new CopyReport(
            source.Description, target.Description, copied, written, removed, runs.Count, checkpoints.Count,
            sourceCensus, targetCensus, clock.Elapsed);
    }
}
