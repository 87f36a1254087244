using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Paperboy.Core.Mail;
using Paperboy.Core.Storage;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// The mail outbox and suppressed addresses on PostgreSQL (migration 0004), worked by several nodes at
/// once: each claim is a lease held in this store instance's name, and the later steps of a message
/// (sent, rescheduled, failed) only happen while that claim is still this instance's.
/// </summary>
public sealed partial class PostgresPaperStore : IOutboxStore
{
    private const string OutboxColumns =
        "id, dedupe_key, recipient, subject, text_body, html_body, headers, message_id, queued_at, state, attempts, next_attempt_at, sent_at, last_error";

    /// <summary>This instance's name on the rows it claims: which host and process, and which store within it.</summary>
    public string ClaimOwner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>True: the claims below keep concurrent senders apart, on one node or many.</summary>
    public bool AllowsConcurrentSenders => true;

    public async Task<bool> EnqueueAsync(NewOutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO outbox (dedupe_key, recipient, subject, text_body, html_body, headers, message_id, queued_at, state, next_attempt_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $8)
            ON CONFLICT (dedupe_key) DO NOTHING;
            """, connection);
        command.Parameters.Add(Text(message.DedupeKey));
        command.Parameters.Add(Text(message.Recipient));
        command.Parameters.Add(Text(message.Subject));
        command.Parameters.Add(Text(message.TextBody));
        command.Parameters.Add(Text(message.HtmlBody));
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = JsonSerializer.Serialize(message.Headers, StorageJson.Default.IReadOnlyDictionaryStringString),
            NpgsqlDbType = NpgsqlDbType.Json,
        });
        command.Parameters.Add(Text(message.MessageId));
        command.Parameters.Add(Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<OutboxMessage?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var connection = await OpenAsync(cancellationToken);
        // One statement, so one transaction: the inner SELECT locks the row it picks and skips rows another
        // node's claim or sent mark holds locked, and the UPDATE marks that same row before the lock is let go.
        // A node's clock decides its leases, so nodes' clocks must agree to well within a lease (NTP does).
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = $1, claimed_until = $3
            WHERE id = (SELECT id FROM outbox
                        WHERE (state = 'sending' AND claimed_until <= $2) OR (state = 'queued' AND next_attempt_at <= $2)
                        ORDER BY state = 'queued', next_attempt_at, id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED)
            RETURNING {OutboxColumns};
            """, connection);
        command.Parameters.Add(Text(ClaimOwner));
        command.Parameters.Add(Time(now));
        command.Parameters.Add(Time(now + lease));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOutbox(reader) : null;
    }

    public async Task<IPendingCommit?> PrepareSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The row lock this UPDATE takes is held until the commit, so no other node can claim the row in
            // between, even if the lease runs out meanwhile: its claim skips locked rows.
            await using var command = new NpgsqlCommand(
                "UPDATE outbox SET state = 'sent', sent_at = $1, last_error = NULL, claimed_by = NULL, claimed_until = NULL " +
                "WHERE id = $2 AND state = 'sending' AND claimed_by = $3;", connection, transaction);
            command.Parameters.Add(Time(now));
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
            command.Parameters.Add(Text(ClaimOwner));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }
            return new PostgresPendingCommit(connection, transaction);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task RescheduleAsync(long id, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken) =>
        SetOutboxStateAsync(id, "queued", nextAttempt, error, cancellationToken);

    public Task FailAsync(long id, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetOutboxStateAsync(id, "failed", null, error, cancellationToken);

    public async Task<OutboxMessage?> GetOutboxMessageAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {OutboxColumns} FROM outbox WHERE dedupe_key = $1;", connection);
        command.Parameters.Add(Text(dedupeKey));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadOutbox(reader) : null;
    }

    public async Task<OutboxCounts> CountOutboxAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE state = 'queued'), count(*) FILTER (WHERE state = 'sending'), " +
            "count(*) FILTER (WHERE state = 'sent'), count(*) FILTER (WHERE state = 'failed') FROM outbox;", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
    }

    public async Task SuppressAsync(string address, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO mail_suppressions (address, reason, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;", connection);
        command.Parameters.Add(Text(address));
        command.Parameters.Add(Text(reason));
        command.Parameters.Add(Time(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM mail_suppressions WHERE address = $1);", connection);
        command.Parameters.Add(Text(address));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <param name="nextAttempt">The new due time, or null to keep it.</param>
    private async Task SetOutboxStateAsync(long id, string state, DateTimeOffset? nextAttempt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Only while the claim is still ours: after our lease ran out another node may be sending the message.
        await using var command = new NpgsqlCommand(
            "UPDATE outbox SET state = $1, next_attempt_at = COALESCE($2, next_attempt_at), last_error = $3, claimed_by = NULL, claimed_until = NULL " +
            "WHERE id = $4 AND state = 'sending' AND claimed_by = $5;", connection);
        command.Parameters.Add(Text(state));
        command.Parameters.Add(nextAttempt is { } at ? Time(at) : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(Text(error));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        command.Parameters.Add(Text(ClaimOwner));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter<DateTime> Time(DateTimeOffset value) => new() { TypedValue = value.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static OutboxMessage ReadOutbox(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        JsonSerializer.Deserialize(reader.GetString(6), StorageJson.Default.DictionaryStringString) ?? [],
        reader.GetString(7),
        PostgresRows.Time(reader, 8)!.Value,
        reader.GetString(9) switch
        {
            "queued" => OutboxState.Queued,
            "sending" => OutboxState.Sending,
            "sent" => OutboxState.Sent,
            _ => OutboxState.Failed,
        },
        reader.GetInt32(10),
        PostgresRows.Time(reader, 11)!.Value,
        PostgresRows.Time(reader, 12),
        reader.IsDBNull(13) ? null : reader.GetString(13));

    private sealed class PostgresPendingCommit(NpgsqlConnection connection, NpgsqlTransaction transaction) : IPendingCommit
    {
        public async Task CommitAsync(CancellationToken cancellationToken) => await transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
