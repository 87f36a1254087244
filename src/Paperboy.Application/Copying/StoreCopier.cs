using System.Diagnostics;
using Paperboy.Storage;
using Paperboy.Storage.Postgres;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application.Copying;

/// <summary>
/// `paperboy copy`: moves a whole installation from its SQLite file to PostgreSQL, row for row, and
/// verifies the result: papers, sync state and the account side (accounts, the server secret, sessions,
/// tokens, upvotes, libraries, follows, subscriptions, the outbox; <see cref="AccountTables"/>). The
/// source is read in one snapshot, so a sync or a sign-in meanwhile neither tears the copy nor fails the
/// verification. The copy mirrors: papers the source lacks are removed from the target, rows that differ
/// are replaced and equal rows left alone, so running it again (after more syncs into the SQLite file, or
/// after an interruption) copies only what changed. The account side is small and is replaced whole, ids
/// kept, in one transaction.
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
        progress?.Report(new CopyProgress("papers", 0, total));

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
                progress?.Report(new CopyProgress("papers", copied, total));
            }
        }
        written += await target.CopyRowsAsync(batch, cancellationToken);
        copied += batch.Count;
        progress?.Report(new CopyProgress("papers", copied, total));

        var checkpoints = await snapshot.ListCheckpointsAsync(cancellationToken);
        var runs = await snapshot.ListRunsAsync(cancellationToken);
        await target.ReplaceSyncStateAsync(checkpoints, runs, cancellationToken);

        var tableProgress = progress is null ? null : new TableProgress(progress);
        var tables = await target.ReplaceAccountSideAsync(snapshot.ReadTableAsync, tableProgress, cancellationToken);

        var sourceCensus = await snapshot.CensusAsync(cancellationToken);
        var targetCensus = await target.CensusAsync(cancellationToken);
        return new CopyReport(
            source.Description, target.Description, copied, written, removed, runs.Count, checkpoints.Count,
            tables, sourceCensus, targetCensus, clock.Elapsed);
    }

    private sealed class TableProgress(IProgress<CopyProgress> progress) : IProgress<TableCount>
    {
        public void Report(TableCount value) => progress.Report(new CopyProgress(value.Table, value.Rows, value.Rows));
    }
}
