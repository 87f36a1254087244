using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>Follows of authors and categories, in the same SQLite file as the papers.</summary>
public sealed partial class SqlitePaperStore : IFollowStore
{
    public async Task<bool> FollowAsync(long accountId, FollowKind kind, string key, string label, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO follows (account_id, kind, key, label, created_at) VALUES ($account, $kind, $key, $label, $now) ON CONFLICT DO NOTHING;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$kind", KindName(kind));
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$label", label);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> UnfollowAsync(long accountId, FollowKind kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM follows WHERE account_id = $account AND kind = $kind AND key = $key;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$kind", KindName(kind));
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> IsFollowingAsync(long accountId, FollowKind kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM follows WHERE account_id = $account AND kind = $kind AND key = $key);";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$kind", KindName(kind));
        command.Parameters.AddWithValue("$key", key);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlyList<Follow>> ListFollowsAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, key, label, created_at FROM follows WHERE account_id = $account ORDER BY kind, key;";
        command.Parameters.AddWithValue("$account", accountId);
        var follows = new List<Follow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            follows.Add(new Follow(ParseKind(reader.GetString(0)), reader.GetString(1), reader.GetString(2), ParseTime(reader.GetString(3))));
        }
        return follows;
    }

    public async Task<IReadOnlyList<long>> ListFollowerIdsAsync(FollowKind kind, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT account_id FROM follows WHERE kind = $kind AND key = $key ORDER BY account_id;";
        command.Parameters.AddWithValue("$kind", KindName(kind));
        command.Parameters.AddWithValue("$key", key);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private static string KindName(FollowKind kind) => kind switch
    {
        FollowKind.Author => "author",
        FollowKind.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "store: unknown follow kind"),
    };

    private static FollowKind ParseKind(string name) => name switch
    {
        "author" => FollowKind.Author,
        "category" => FollowKind.Category,
        _ => throw new InvalidOperationException($"store: unknown follow kind '{name}' in follows"),
    };
}
