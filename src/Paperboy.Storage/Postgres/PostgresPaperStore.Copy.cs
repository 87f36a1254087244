using Npgsql;
using NpgsqlTypes;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// The receiving end of `paperboy copy`: rows written as another store holds them, without merging
/// (a merge could join two papers the source keeps apart), and only where they differ, so copying the
/// same rows again changes nothing, not even the store generation.
/// </summary>
public sealed partial class PostgresPaperStore
{
    private static readonly string CopiedColumns = string.Join(", ", PostgresRows.Columns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"));

    /// <summary>
    /// Inserts the rows this store lacks and replaces those that differ (content hash, title key or
    /// first-seen time), in one transaction and one generation; returns how many it wrote.
    /// </summary>
    public async Task<int> CopyRowsAsync(IReadOnlyList<PaperRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long generation = await LockGenerationAsync(connection, transaction, cancellationToken) + 1;
        await using (var staging = new NpgsqlCommand(
            $"CREATE TEMPORARY TABLE copied_papers ON COMMIT DROP AS SELECT {PostgresRows.Columns} FROM papers WITH NO DATA;", connection, transaction))
        {
            await staging.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY copied_papers ({PostgresRows.Columns}) FROM STDIN (FORMAT BINARY);", cancellationToken))
        {
            foreach (var row in rows)
            {
                var paper = PostgresRows.Storable(row.Paper);
                // Cutting a time to microseconds or dropping U+0000 changes what the hash was computed over.
                string hash = ReferenceEquals(paper, row.Paper) ? row.ContentHash : PaperFingerprint.Of(paper);
                await PostgresRows.WriteAsync(copy, new StoredPaper(paper, hash, row.TitleKey), PostgresRows.Microseconds(row.ChangedAt), generation, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        int written;
        await using (var upsert = new NpgsqlCommand(
            $"INSERT INTO papers ({PostgresRows.Columns}) SELECT {PostgresRows.Columns} FROM copied_papers " +
            $"ON CONFLICT (id) DO UPDATE SET {CopiedColumns} " +
            "WHERE (papers.content_hash, papers.title_key, papers.first_seen) IS DISTINCT FROM (excluded.content_hash, excluded.title_key, excluded.first_seen);", connection, transaction))
        {
            written = await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        if (written == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM removed_papers WHERE id IN (SELECT id FROM copied_papers);"));
        var advance = new NpgsqlBatchCommand("UPDATE store_generation SET generation = $1 WHERE singleton = 1;");
        advance.Parameters.Add(new NpgsqlParameter<long> { TypedValue = generation });
        batch.BatchCommands.Add(advance);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// Deletes the papers whose ids are not in <paramref name="keep"/> and names them in the change feed,
    /// so that a copy mirrors its source; returns how many it deleted.
    /// </summary>
    public async Task<int> RemoveOtherPapersAsync(IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keep);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long generation = await LockGenerationAsync(connection, transaction, cancellationToken) + 1;
        await using (var staging = new NpgsqlCommand("CREATE TEMPORARY TABLE kept_papers (id text COLLATE \"C\" PRIMARY KEY) ON COMMIT DROP;", connection, transaction))
        {
            await staging.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY kept_papers (id) FROM STDIN (FORMAT BINARY);", cancellationToken))
        {
            foreach (var id in keep)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        int removed;
        await using (var delete = new NpgsqlCommand(
            "WITH gone AS (DELETE FROM papers WHERE id NOT IN (SELECT id FROM kept_papers) RETURNING id) " +
            "INSERT INTO removed_papers (id, removed_generation) SELECT id, $1 FROM gone " +
            "ON CONFLICT (id) DO UPDATE SET removed_generation = excluded.removed_generation;", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = generation });
            removed = await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        if (removed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }
        await using (var advance = new NpgsqlCommand("UPDATE store_generation SET generation = $1 WHERE singleton = 1;", connection, transaction))
        {
            advance.Parameters.Add(new NpgsqlParameter<long> { TypedValue = generation });
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>
    /// Replaces the checkpoints and run history with these, ids and times kept, in one transaction; new runs
    /// are numbered after the highest copied id.
    /// </summary>
    public async Task ReplaceSyncStateAsync(IReadOnlyList<SyncCheckpoint> checkpoints, IReadOnlyList<SyncRun> runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentNullException.ThrowIfNull(runs);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand("DELETE FROM sync_checkpoints; DELETE FROM sync_runs;", connection, transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY sync_checkpoints (key, value, updated_at) FROM STDIN (FORMAT BINARY);", cancellationToken))
        {
            foreach (var checkpoint in checkpoints)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(checkpoint.Key, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(checkpoint.Value, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(checkpoint.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        // COPY, unlike INSERT, writes a GENERATED ALWAYS identity column as given.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY sync_runs (id, source, description, started_at, finished_at, added, updated, unchanged, rejected, error) FROM STDIN (FORMAT BINARY);", cancellationToken))
        {
            foreach (var run in runs)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(run.Id, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(run.Source, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(run.Description, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(run.Started.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteNullableAsync(copy, run.Finished?.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteNullableAsync(copy, run.Result?.Added, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, run.Result?.Updated, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, run.Result?.Unchanged, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, run.Result?.Rejected, NpgsqlDbType.Integer, cancellationToken);
                if (run.Result?.Error is { } error)
                {
                    await copy.WriteAsync(error, NpgsqlDbType.Text, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var renumber = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('sync_runs', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM sync_runs;", connection, transaction))
        {
            await renumber.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The counts and checksum a copy is verified by, read in one snapshot.</summary>
    public async Task<StoreCensus> CensusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        using var checksum = new PaperChecksum();
        long papers = 0;
        await using (var command = new NpgsqlCommand("SELECT id, latest_version, content_hash FROM papers ORDER BY id;", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                checksum.Add(reader.GetString(0), reader.GetInt32(1), reader.GetString(2));
                papers++;
            }
        }
        long runs;
        long checkpoints;
        await using (var counts = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM sync_runs), (SELECT COUNT(*) FROM sync_checkpoints);", connection, transaction))
        await using (var row = await counts.ExecuteReaderAsync(cancellationToken))
        {
            await row.ReadAsync(cancellationToken);
            (runs, checkpoints) = (row.GetInt64(0), row.GetInt64(1));
        }
        var tables = await CountAccountSideAsync(connection, transaction, cancellationToken);
        return new StoreCensus(papers, runs, checkpoints, checksum.Finish(), tables);
    }

    private static async Task<long> LockGenerationAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var current = new NpgsqlCommand("SELECT generation FROM store_generation WHERE singleton = 1 FOR UPDATE;", connection, transaction);
        return (long)(await current.ExecuteScalarAsync(cancellationToken))!;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
