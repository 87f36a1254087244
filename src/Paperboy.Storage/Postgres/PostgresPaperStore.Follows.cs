using Npgsql;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;
using static Paperboy.Storage.Postgres.PostgresValues;

namespace Paperboy.Storage.Postgres;

/// <summary>Follows of authors and categories, in the same database as the papers (migration 0003).</summary>
public sealed partial class PostgresPaperStore : IFollowStore
{
    public async Task<bool> FollowAsync(long accountId, FollowKind kind, string key, string label, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO follows (account_id, kind, key, label, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING;", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(FollowKindName(kind)));
        command.Parameters.Add(Text(key));
        command.Parameters.Add(Text(label));
        command.Parameters.Add(Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> UnfollowAsync(long accountId, FollowKind kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM follows WHERE account_id = $1 AND kind = $2 AND key = $3;", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(FollowKindName(kind)));
        command.Parameters.Add(Text(key));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> IsFollowingAsync(long accountId, FollowKind kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM follows WHERE account_id = $1 AND kind = $2 AND key = $3);", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(FollowKindName(kind)));
        command.Parameters.Add(Text(key));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<Follow>> ListFollowsAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT kind, key, label, created_at FROM follows WHERE account_id = $1 ORDER BY kind, key;", connection);
        command.Parameters.Add(Bigint(accountId));
        var follows = new List<Follow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            follows.Add(new Follow(ParseFollowKind(reader.GetString(0)), reader.GetString(1), reader.GetString(2), PostgresRows.Time(reader, 3)!.Value));
        }
        return follows;
    }

    public async Task<IReadOnlyList<long>> ListFollowerIdsAsync(FollowKind kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT account_id FROM follows WHERE kind = $1 AND key = $2 ORDER BY account_id;", connection);
        command.Parameters.Add(Text(FollowKindName(kind)));
        command.Parameters.Add(Text(key));
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private static string FollowKindName(FollowKind kind) => kind switch
    {
        FollowKind.Author => "author",
        FollowKind.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "store: unknown follow kind"),
    };

    private static FollowKind ParseFollowKind(string name) => name switch
    {
        "author" => FollowKind.Author,
        "category" => FollowKind.Category,
        _ => throw new InvalidOperationException($"store: unknown follow kind '{name}' in follows"),
    };
}
