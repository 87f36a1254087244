using Npgsql;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;
using static Paperboy.Storage.Postgres.PostgresValues;

namespace Paperboy.Storage.Postgres;

/// <summary>Digest subscribers, their topics and sent papers, in the same database as the papers (migration 0005).</summary>
public sealed partial class PostgresPaperStore : ISubscriptionStore
{
    // Topics ride along as three arrays in position order, so one query reads any number of subscribers.
    private const string SubscriberSelect =
        "SELECT s.id, s.email, s.account_id, s.frequency, s.time_zone, s.hour, s.trending, s.follows, s.created_at, s.confirmed_at, " +
        "s.link_salt, s.confirm_salt, s.last_digest_at, s.last_period, " +
        "ARRAY(SELECT t.kind FROM subscriber_topics t WHERE t.subscriber_id = s.id ORDER BY t.position), " +
        "ARRAY(SELECT t.key FROM subscriber_topics t WHERE t.subscriber_id = s.id ORDER BY t.position), " +
        "ARRAY(SELECT t.label FROM subscriber_topics t WHERE t.subscriber_id = s.id ORDER BY t.position) " +
        "FROM subscribers s";

    public async Task<Subscriber?> AddSubscriberAsync(string email, long? accountId, SubscriptionSettings settings, string linkSalt, string confirmSalt,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO subscribers (email, account_id, frequency, time_zone, hour, trending, follows, created_at, link_salt, confirm_salt) " +
            "VALUES ($6, $7, $1, $2, $3, $4, $5, $8, $9, $10) ON CONFLICT (email) DO NOTHING RETURNING id;", connection, transaction);
        AddSettings(command, settings);
        command.Parameters.Add(Text(email));
        command.Parameters.Add(BigintOrNull(accountId));
        command.Parameters.Add(Time(now));
        command.Parameters.Add(Text(linkSalt));
        command.Parameters.Add(Text(confirmSalt));
        if (await command.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            return null;
        }
        await WriteTopicsAsync(connection, transaction, id, settings.Topics, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Subscriber
        {
            Id = id,
            Email = email,
            AccountId = accountId,
            Settings = settings,
            Created = Stored(now),
            LinkSalt = linkSalt,
            ConfirmSalt = confirmSalt,
        };
    }

    public async Task<Subscriber?> GetSubscriberAsync(long id, CancellationToken cancellationToken) =>
        (await ReadSubscribersAsync("WHERE s.id = $1", Bigint(id), cancellationToken)).SingleOrDefault();

    public async Task<Subscriber?> FindSubscriberAsync(string email, CancellationToken cancellationToken) =>
        (await ReadSubscribersAsync("WHERE s.email = $1", Text(email), cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Subscriber>> ListConfirmedSubscribersAsync(CancellationToken cancellationToken) =>
        ReadSubscribersAsync("WHERE s.confirmed_at IS NOT NULL", null, cancellationToken);

    public async Task<bool> UpdateSettingsAsync(long id, SubscriptionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            "UPDATE subscribers SET frequency = $1, time_zone = $2, hour = $3, trending = $4, follows = $5 WHERE id = $6;", connection, transaction))
        {
            AddSettings(command, settings);
            command.Parameters.Add(Bigint(id));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }
        await using (var clear = new NpgsqlCommand("DELETE FROM subscriber_topics WHERE subscriber_id = $1;", connection, transaction))
        {
            clear.Parameters.Add(Bigint(id));
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await WriteTopicsAsync(connection, transaction, id, settings.Topics, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetConfirmSaltAsync(long id, string confirmSalt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE subscribers SET confirm_salt = $2 WHERE id = $1 AND confirmed_at IS NULL;", connection);
        command.Parameters.Add(Bigint(id));
        command.Parameters.Add(Text(confirmSalt));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> ConfirmSubscriberAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE subscribers SET confirmed_at = COALESCE(confirmed_at, $2), confirm_salt = NULL WHERE id = $1;", connection);
        command.Parameters.Add(Bigint(id));
        command.Parameters.Add(Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> DeleteSubscriberAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM subscribers WHERE id = $1;", connection);
        command.Parameters.Add(Bigint(id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlySet<string>> ListDeliveredAsync(long subscriberId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        if (paperIds.Count == 0)
        {
            return delivered;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT paper_id FROM subscriber_papers WHERE subscriber_id = $1 AND paper_id = ANY($2);", connection);
        command.Parameters.Add(Bigint(subscriberId));
        command.Parameters.Add(Texts(paperIds.Distinct(StringComparer.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            delivered.Add(reader.GetString(0));
        }
        return delivered;
    }

    public async Task RecordDigestAsync(long subscriberId, string period, DateTimeOffset sentAt, IReadOnlyList<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO subscriber_papers (subscriber_id, paper_id, sent_at) SELECT $1, paper_id, $3 FROM unnest($2) AS paper_id ON CONFLICT DO NOTHING;",
            connection, transaction))
        {
            insert.Parameters.Add(Bigint(subscriberId));
            insert.Parameters.Add(Texts(paperIds));
            insert.Parameters.Add(Time(sentAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var update = new NpgsqlCommand(
            "UPDATE subscribers SET last_digest_at = $2, last_period = $3 WHERE id = $1;", connection, transaction))
        {
            update.Parameters.Add(Bigint(subscriberId));
            update.Parameters.Add(Time(sentAt));
            update.Parameters.Add(Text(period));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Subscriber>> ReadSubscribersAsync(string where, NpgsqlParameter? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"{SubscriberSelect} {where} ORDER BY s.id;", connection);
        if (key is not null)
        {
            command.Parameters.Add(key);
        }
        var subscribers = new List<Subscriber>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subscribers.Add(ReadSubscriber(reader));
        }
        return subscribers;
    }

    private static Subscriber ReadSubscriber(NpgsqlDataReader reader)
    {
        string[] kinds = reader.GetFieldValue<string[]>(14);
        string[] keys = reader.GetFieldValue<string[]>(15);
        string[] labels = reader.GetFieldValue<string[]>(16);
        var topics = kinds.Select((kind, i) => new SubscriptionTopic(TopicKindNames.Parse(kind), keys[i], labels[i])).ToList();
        return new Subscriber
        {
            Id = reader.GetInt64(0),
            Email = reader.GetString(1),
            AccountId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
            Settings = new SubscriptionSettings(
                reader.GetString(3) == "weekly" ? DigestFrequency.Weekly : DigestFrequency.Daily,
                reader.GetString(4), reader.GetInt32(5), reader.GetBoolean(6), reader.GetBoolean(7), topics),
            Created = PostgresRows.Time(reader, 8)!.Value,
            Confirmed = PostgresRows.Time(reader, 9),
            LinkSalt = reader.GetString(10),
            ConfirmSalt = reader.IsDBNull(11) ? null : reader.GetString(11),
            LastDigestAt = PostgresRows.Time(reader, 12),
            LastPeriod = reader.IsDBNull(13) ? null : reader.GetString(13),
        };
    }

    /// <summary>Adds the settings as $1 frequency, $2 time zone, $3 hour, $4 trending, $5 follows.</summary>
    private static void AddSettings(NpgsqlCommand command, SubscriptionSettings settings)
    {
        command.Parameters.Add(Text(settings.Frequency == DigestFrequency.Weekly ? "weekly" : "daily"));
        command.Parameters.Add(Text(settings.TimeZone));
        command.Parameters.Add(Integer(settings.Hour));
        command.Parameters.Add(Boolean(settings.Trending));
        command.Parameters.Add(Boolean(settings.Follows));
    }

    private static async Task WriteTopicsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, IReadOnlyList<SubscriptionTopic> topics,
        CancellationToken cancellationToken)
    {
        if (topics.Count == 0)
        {
            return;
        }
        // Ordinality is the topic's position, so they read back in the order given.
        await using var command = new NpgsqlCommand(
            "INSERT INTO subscriber_topics (subscriber_id, kind, key, label, position) " +
            "SELECT $1, t.kind, t.key, t.label, t.position FROM unnest($2, $3, $4) WITH ORDINALITY AS t (kind, key, label, position) " +
            "ON CONFLICT DO NOTHING;", connection, transaction);
        command.Parameters.Add(Bigint(id));
        command.Parameters.Add(Texts(topics.Select(t => TopicKindNames.Name(t.Kind))));
        command.Parameters.Add(Texts(topics.Select(t => t.Key)));
        command.Parameters.Add(Texts(topics.Select(t => t.Label)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
