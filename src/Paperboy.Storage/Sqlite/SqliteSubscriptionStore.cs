using Microsoft.Data.Sqlite;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Storage.Sqlite;

/// <summary>Digest subscribers, their topics and sent papers, in the same SQLite file as the papers.</summary>
public sealed partial class SqlitePaperStore : ISubscriptionStore
{
    private const string SubscriberColumns =
        "id, email, account_id, frequency, time_zone, hour, trending, follows, created_at, confirmed_at, link_salt, confirm_salt, last_digest_at, last_period";

    public async Task<Subscriber?> AddSubscriberAsync(string email, long? accountId, SubscriptionSettings settings, string linkSalt, string confirmSalt,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO subscribers (email, account_id, frequency, time_zone, hour, trending, follows, created_at, link_salt, confirm_salt) " +
            "VALUES ($email, $account, $frequency, $zone, $hour, $trending, $follows, $now, $link, $confirm) ON CONFLICT (email) DO NOTHING RETURNING id;";
        command.Parameters.AddWithValue("$email", email);
        command.Parameters.AddWithValue("$account", (object?)accountId ?? DBNull.Value);
        AddSettings(command, settings);
        command.Parameters.AddWithValue("$now", Stamp(now));
        command.Parameters.AddWithValue("$link", linkSalt);
        command.Parameters.AddWithValue("$confirm", confirmSalt);
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
            Created = ParseTime(Stamp(now)),
            LinkSalt = linkSalt,
            ConfirmSalt = confirmSalt,
        };
    }

    public async Task<Subscriber?> GetSubscriberAsync(long id, CancellationToken cancellationToken) =>
        (await ReadSubscribersAsync("WHERE id = $key", id, cancellationToken)).SingleOrDefault();

    public async Task<Subscriber?> FindSubscriberAsync(string email, CancellationToken cancellationToken) =>
        (await ReadSubscribersAsync("WHERE email = $key", email, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Subscriber>> ListConfirmedSubscribersAsync(CancellationToken cancellationToken) =>
        ReadSubscribersAsync("WHERE confirmed_at IS NOT NULL", null, cancellationToken);

    public async Task<bool> UpdateSettingsAsync(long id, SubscriptionSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE subscribers SET frequency = $frequency, time_zone = $zone, hour = $hour, trending = $trending, follows = $follows WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        AddSettings(command, settings);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM subscriber_topics WHERE subscriber_id = $id;";
            clear.Parameters.AddWithValue("$id", id);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await WriteTopicsAsync(connection, transaction, id, settings.Topics, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetConfirmSaltAsync(long id, string confirmSalt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE subscribers SET confirm_salt = $salt WHERE id = $id AND confirmed_at IS NULL;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$salt", confirmSalt);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> ConfirmSubscriberAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE subscribers SET confirmed_at = COALESCE(confirmed_at, $now), confirm_salt = NULL WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> DeleteSubscriberAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM subscribers WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
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
        // Chunks keep the statement under SQLite's parameter limit.
        foreach (var chunk in paperIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$subscriber", subscriberId);
            var names = chunk.Select((id, i) => { command.Parameters.AddWithValue($"$p{i}", id); return $"$p{i}"; });
            command.CommandText = $"SELECT paper_id FROM subscriber_papers WHERE subscriber_id = $subscriber AND paper_id IN ({string.Join(", ", names)});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                delivered.Add(reader.GetString(0));
            }
        }
        return delivered;
    }

    public async Task RecordDigestAsync(long subscriberId, string period, DateTimeOffset sentAt, IReadOnlyList<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO subscriber_papers (subscriber_id, paper_id, sent_at) VALUES ($subscriber, $paper, $at) ON CONFLICT DO NOTHING;";
            insert.Parameters.AddWithValue("$subscriber", subscriberId);
            insert.Parameters.AddWithValue("$at", Stamp(sentAt));
            var paper = insert.Parameters.Add("$paper", SqliteType.Text);
            foreach (var id in paperIds)
            {
                paper.Value = id;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE subscribers SET last_digest_at = $at, last_period = $period WHERE id = $subscriber;";
            update.Parameters.AddWithValue("$subscriber", subscriberId);
            update.Parameters.AddWithValue("$at", Stamp(sentAt));
            update.Parameters.AddWithValue("$period", period);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Subscriber>> ReadSubscribersAsync(string where, object? key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = new List<Row>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {SubscriberColumns} FROM subscribers {where} ORDER BY id;";
            command.Parameters.AddWithValue("$key", key ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadRow(reader));
            }
        }
        if (rows.Count == 0)
        {
            return [];
        }
        var topics = new Dictionary<long, List<SubscriptionTopic>>();
        await using (var command = connection.CreateCommand())
        {
            // One read for every subscriber's topics: a digest run reads thousands of subscribers at once.
            command.CommandText = rows.Count == 1
                ? "SELECT subscriber_id, kind, key, label FROM subscriber_topics WHERE subscriber_id = $id ORDER BY subscriber_id, position;"
                : $"SELECT t.subscriber_id, t.kind, t.key, t.label FROM subscriber_topics t JOIN subscribers s ON s.id = t.subscriber_id {where.Replace("WHERE ", "WHERE s.", StringComparison.Ordinal)} ORDER BY t.subscriber_id, t.position;";
            command.Parameters.AddWithValue("$id", rows[0].Subscriber.Id);
            command.Parameters.AddWithValue("$key", key ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                long id = reader.GetInt64(0);
                if (!topics.TryGetValue(id, out var list))
                {
                    topics[id] = list = [];
                }
                list.Add(new SubscriptionTopic(TopicKindNames.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3)));
            }
        }
        return rows.Select(r => r.Subscriber with { Settings = r.Settings with { Topics = topics.GetValueOrDefault(r.Subscriber.Id) ?? [] } }).ToList();
    }

    private static Row ReadRow(SqliteDataReader reader)
    {
        var settings = new SubscriptionSettings(
            reader.GetString(3) == "weekly" ? DigestFrequency.Weekly : DigestFrequency.Daily,
            reader.GetString(4), reader.GetInt32(5), reader.GetInt64(6) == 1, reader.GetInt64(7) == 1, []);
        return new Row(new Subscriber
        {
            Id = reader.GetInt64(0),
            Email = reader.GetString(1),
            AccountId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
            Settings = settings,
            Created = ParseTime(reader.GetString(8)),
            Confirmed = reader.IsDBNull(9) ? null : ParseTime(reader.GetString(9)),
            LinkSalt = reader.GetString(10),
            ConfirmSalt = reader.IsDBNull(11) ? null : reader.GetString(11),
            LastDigestAt = reader.IsDBNull(12) ? null : ParseTime(reader.GetString(12)),
            LastPeriod = reader.IsDBNull(13) ? null : reader.GetString(13),
        }, settings);
    }

    private static void AddSettings(SqliteCommand command, SubscriptionSettings settings)
    {
        command.Parameters.AddWithValue("$frequency", settings.Frequency == DigestFrequency.Weekly ? "weekly" : "daily");
        command.Parameters.AddWithValue("$zone", settings.TimeZone);
        command.Parameters.AddWithValue("$hour", settings.Hour);
        command.Parameters.AddWithValue("$trending", settings.Trending ? 1 : 0);
        command.Parameters.AddWithValue("$follows", settings.Follows ? 1 : 0);
    }

    private static async Task WriteTopicsAsync(SqliteConnection connection, SqliteTransaction transaction, long id, IReadOnlyList<SubscriptionTopic> topics,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO subscriber_topics (subscriber_id, kind, key, label, position) VALUES ($id, $kind, $key, $label, $position) ON CONFLICT DO NOTHING;";
        command.Parameters.AddWithValue("$id", id);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var label = command.Parameters.Add("$label", SqliteType.Text);
        var position = command.Parameters.Add("$position", SqliteType.Integer);
        for (int i = 0; i < topics.Count; i++)
        {
            kind.Value = TopicKindNames.Name(topics[i].Kind);
            key.Value = topics[i].Key;
            label.Value = topics[i].Label;
            position.Value = i;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed record Row(Subscriber Subscriber, SubscriptionSettings Settings);
}
