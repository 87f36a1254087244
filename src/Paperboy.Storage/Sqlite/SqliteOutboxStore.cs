using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Mail;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>The mail outbox and suppressed addresses, in the same SQLite file as the papers (migration 0007).</summary>
public sealed partial class SqlitePaperStore : IOutboxStore
{
    private const string OutboxColumns =
        "id, dedupe_key, recipient, subject, text_body, html_body, headers, message_id, queued_at, state, attempts, next_attempt_at, sent_at, last_error";

    /// <summary>False: the sender's lock file makes it the only one on this data directory.</summary>
    public bool AllowsConcurrentSenders => false;

    public async Task<bool> EnqueueAsync(NewOutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO outbox (dedupe_key, recipient, subject, text_body, html_body, headers, message_id, queued_at, state, next_attempt_at)
            VALUES ($key, $to, $subject, $text, $html, $headers, $messageId, $now, 'queued', $now)
            ON CONFLICT (dedupe_key) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$key", message.DedupeKey);
        command.Parameters.AddWithValue("$to", message.Recipient);
        command.Parameters.AddWithValue("$subject", message.Subject);
        command.Parameters.AddWithValue("$text", message.TextBody);
        command.Parameters.AddWithValue("$html", (object?)message.HtmlBody ?? DBNull.Value);
        command.Parameters.AddWithValue("$headers", JsonSerializer.Serialize(message.Headers, StorageJson.Default.IReadOnlyDictionaryStringString));
        command.Parameters.AddWithValue("$messageId", message.MessageId);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<OutboxMessage?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        // No lease: the caller holds the outbox alone, so any row left sending belongs to a dead sender.
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement picks and claims, so the row read is the row marked.
        command.CommandText =
            $"""
            UPDATE outbox SET state = 'sending', attempts = attempts + 1
            WHERE id = (SELECT id FROM outbox
                        WHERE state = 'sending' OR (state = 'queued' AND next_attempt_at <= $now)
                        ORDER BY state = 'queued', next_attempt_at, id LIMIT 1)
            RETURNING {OutboxColumns};
            """;
        command.Parameters.AddWithValue("$now", Stamp(now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOutbox(reader) : null;
    }

    public async Task<IPendingCommit?> PrepareSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            // IMMEDIATE takes the write lock now, so the commit that follows cannot wait on another writer.
            var transaction = connection.BeginTransaction(deferred: false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE outbox SET state = 'sent', sent_at = $now, last_error = NULL WHERE id = $id AND state = 'sending';";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$now", Stamp(now));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }
            return new SqlitePendingCommit(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task RescheduleAsync(long id, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken) =>
        SetOutboxStateAsync(id, "UPDATE outbox SET state = 'queued', next_attempt_at = $at, last_error = $error WHERE id = $id;", nextAttempt, error, cancellationToken);

    public Task FailAsync(long id, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetOutboxStateAsync(id, "UPDATE outbox SET state = 'failed', last_error = $error WHERE id = $id;", now, error, cancellationToken);

    public async Task<OutboxMessage?> GetOutboxMessageAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {OutboxColumns} FROM outbox WHERE dedupe_key = $key;";
        command.Parameters.AddWithValue("$key", dedupeKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOutbox(reader) : null;
    }

    public async Task<OutboxCounts> CountOutboxAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM outbox GROUP BY state;";
        await ReadCountsAsync(command, counts, cancellationToken);
        return new OutboxCounts(
            counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("sending"), counts.GetValueOrDefault("sent"), counts.GetValueOrDefault("failed"));
    }

    public async Task SuppressAsync(string address, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO mail_suppressions (address, reason, created_at) VALUES ($address, $reason, $now) ON CONFLICT DO NOTHING;";
        command.Parameters.AddWithValue("$address", address);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$now", Stamp(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM mail_suppressions WHERE address = $address);";
        command.Parameters.AddWithValue("$address", address);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private async Task SetOutboxStateAsync(long id, string sql, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", Stamp(at));
        command.Parameters.AddWithValue("$error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static OutboxMessage ReadOutbox(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        JsonSerializer.Deserialize(reader.GetString(6), StorageJson.Default.DictionaryStringString) ?? [],
        reader.GetString(7),
        ParseTime(reader.GetString(8)),
        reader.GetString(9) switch
        {
            "queued" => OutboxState.Queued,
            "sending" => OutboxState.Sending,
            "sent" => OutboxState.Sent,
            _ => OutboxState.Failed,
        },
        (int)reader.GetInt64(10),
        ParseTime(reader.GetString(11)),
        reader.IsDBNull(12) ? null : ParseTime(reader.GetString(12)),
        reader.IsDBNull(13) ? null : reader.GetString(13));

    private sealed class SqlitePendingCommit(SqliteConnection connection, SqliteTransaction transaction) : IPendingCommit
    {
        public async Task CommitAsync(CancellationToken cancellationToken) => await transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
