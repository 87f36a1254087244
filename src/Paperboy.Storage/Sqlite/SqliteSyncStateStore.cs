using System.Globalization;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>Sync checkpoints and run history, in the same SQLite file as the papers.</summary>
public sealed partial class SqlitePaperStore : ISyncStateStore
{
    public async Task<string?> GetCheckpointAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM sync_checkpoints WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetCheckpointAsync(string key, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = value is null
            ? "DELETE FROM sync_checkpoints WHERE key = $key;"
            : "INSERT INTO sync_checkpoints (key, value, updated_at) VALUES ($key, $value, $at) " +
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The error recorded for a run whose process stopped before it could finish it.</summary>
    public const string InterruptedError = SyncRun.InterruptedError;

    public async Task<long> StartRunAsync(string source, string description, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var interrupted = connection.CreateCommand())
        {
            // One sync of a source runs at a time, so an unfinished earlier run of it was cut short
            // (a killed process); say so instead of showing it as running forever. Its checkpoint
            // is what the new run resumes from.
            interrupted.CommandText = "UPDATE sync_runs SET finished_at = $at, added = 0, updated = 0, unchanged = 0, rejected = 0, error = $error " +
                "WHERE source = $source AND finished_at IS NULL;";
            interrupted.Parameters.AddWithValue("$at", Now());
            interrupted.Parameters.AddWithValue("$error", InterruptedError);
            interrupted.Parameters.AddWithValue("$source", source);
            await interrupted.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sync_runs (source, description, started_at) VALUES ($source, $description, $at) RETURNING id;";
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$description", description);
        command.Parameters.AddWithValue("$at", Now());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task FinishRunAsync(long runId, SyncRunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE sync_runs SET finished_at = $at, added = $added, updated = $updated, unchanged = $unchanged, " +
            "rejected = $rejected, error = $error WHERE id = $id;";
        command.Parameters.AddWithValue("$at", Now());
        command.Parameters.AddWithValue("$added", result.Added);
        command.Parameters.AddWithValue("$updated", result.Updated);
        command.Parameters.AddWithValue("$unchanged", result.Unchanged);
        command.Parameters.AddWithValue("$rejected", result.Rejected);
        command.Parameters.AddWithValue("$error", (object?)result.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SyncRun>> ListRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, source, description, started_at, finished_at, added, updated, unchanged, rejected, error " +
            "FROM sync_runs ORDER BY id DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        var runs = new List<SyncRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bool finished = !reader.IsDBNull(4);
            runs.Add(new SyncRun(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), ParseTime(reader.GetString(3)),
                finished ? ParseTime(reader.GetString(4)) : null,
                finished
                    ? new SyncRunResult((int)reader.GetInt64(5), (int)reader.GetInt64(6), (int)reader.GetInt64(7), (int)reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetString(9))
                    : null));
        }
        return runs;
    }

    private static string Now() => DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
