using Npgsql;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Postgres;

/// <summary>Sync checkpoints and run history, in the same database as the papers (migration 0002).</summary>
public sealed partial class PostgresPaperStore : ISyncStateStore
{
    public async Task<string?> GetCheckpointAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT value FROM sync_checkpoints WHERE key = $1;", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetCheckpointAsync(string key, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = value is null
            ? new NpgsqlCommand("DELETE FROM sync_checkpoints WHERE key = $1;", connection)
            : new NpgsqlCommand(
                "INSERT INTO sync_checkpoints (key, value, updated_at) VALUES ($1, $2, now()) " +
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        if (value is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> StartRunAsync(string source, string description, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        // One sync of a source runs at a time, so an unfinished earlier run of it was cut short (a killed
        // process); say so instead of showing it as running forever. Its checkpoint is what the new run resumes from.
        var interrupted = new NpgsqlBatchCommand(
            "UPDATE sync_runs SET finished_at = clock_timestamp(), added = 0, updated = 0, unchanged = 0, rejected = 0, error = $1 " +
            "WHERE source = $2 AND finished_at IS NULL;");
        interrupted.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SyncRun.InterruptedError });
        interrupted.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
        var start = new NpgsqlBatchCommand(
            "INSERT INTO sync_runs (source, description, started_at) VALUES ($1, $2, clock_timestamp()) RETURNING id;");
        start.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
        start.Parameters.Add(new NpgsqlParameter<string> { TypedValue = description });
        batch.BatchCommands.Add(interrupted);
        batch.BatchCommands.Add(start);
        return (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task FinishRunAsync(long runId, SyncRunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE sync_runs SET finished_at = clock_timestamp(), added = $1, updated = $2, unchanged = $3, rejected = $4, error = $5 WHERE id = $6;",
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = result.Added });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = result.Updated });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = result.Unchanged });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = result.Rejected });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)result.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = runId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SyncRun>> ListRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, source, description, started_at, finished_at, added, updated, unchanged, rejected, error " +
            "FROM sync_runs ORDER BY id DESC LIMIT $1;", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var runs = new List<SyncRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var finished = PostgresRows.Time(reader, 4);
            runs.Add(new SyncRun(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), PostgresRows.Time(reader, 3)!.Value, finished,
                finished is null
                    ? null
                    : new SyncRunResult(reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9))));
        }
        return runs;
    }
}
