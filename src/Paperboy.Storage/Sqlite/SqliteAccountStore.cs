using System.Globalization;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>Accounts, sign-in tokens, sessions, access tokens and server secrets, in the same SQLite file as the papers.</summary>
public sealed partial class SqlitePaperStore : IAccountStore
{
    public async Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO server_secrets (name, value, created_at) VALUES ($name, $value, $at) ON CONFLICT (name) DO NOTHING;";
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$value", candidate);
            insert.Parameters.AddWithValue("$at", Now());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM server_secrets WHERE name = $name;";
        select.Parameters.AddWithValue("$name", name);
        return (byte[])(await select.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"store: secret {name} vanished after it was stored"));
    }

    public async Task AddSignInTokenAsync(SignInTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sign_in_tokens (token_hash, email, created_at, expires_at) VALUES ($hash, $email, $created, $expires);";
        command.Parameters.AddWithValue("$hash", token.TokenHash);
        command.Parameters.AddWithValue("$email", token.Email);
        command.Parameters.AddWithValue("$created", Stamp(token.Created));
        command.Parameters.AddWithValue("$expires", Stamp(token.Expires));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> ConsumeSignInTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement: the row is claimed and read at once, so a link raced from two tabs signs in once.
        command.CommandText = "UPDATE sign_in_tokens SET used_at = $now " +
            "WHERE token_hash = $hash AND used_at IS NULL AND expires_at > $now RETURNING email;";
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<Account> SignInAccountAsync(string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO accounts (email, created_at, last_sign_in_at) VALUES ($email, $now, $now) " +
            "ON CONFLICT (email) DO UPDATE SET last_sign_in_at = excluded.last_sign_in_at RETURNING id, email, created_at;";
        command.Parameters.AddWithValue("$email", email);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await ReadAccountAsync(command, cancellationToken)
            ?? throw new InvalidOperationException($"store: unable to create the account of {email}");
    }

    public async Task<Account?> GetAccountAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, created_at FROM accounts WHERE id = $id;";
        command.Parameters.AddWithValue("$id", accountId);
        return await ReadAccountAsync(command, cancellationToken);
    }

    public async Task AddSessionAsync(string tokenHash, long accountId, DateTimeOffset created, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($hash, $account, $created, $expires);";
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$created", Stamp(created));
        command.Parameters.AddWithValue("$expires", Stamp(expires));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Account?> FindSessionAccountAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT a.id, a.email, a.created_at FROM sessions s JOIN accounts a ON a.id = s.account_id " +
            "WHERE s.token_hash = $hash AND s.expires_at > $now;";
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await ReadAccountAsync(command, cancellationToken);
    }

    public async Task DeleteSessionAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sessions WHERE token_hash = $hash;";
        command.Parameters.AddWithValue("$hash", tokenHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sign_in_tokens WHERE expires_at <= $now; DELETE FROM sessions WHERE expires_at <= $now;";
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AccessTokenInfo> AddAccessTokenAsync(long accountId, string name, string tokenHash, string hint, DateTimeOffset created, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO access_tokens (account_id, name, token_hash, hint, created_at) VALUES ($account, $name, $hash, $hint, $created) RETURNING id;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$hint", hint);
        command.Parameters.AddWithValue("$created", Stamp(created));
        long id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new AccessTokenInfo(id, name, hint, ParseTime(Stamp(created)), null);
    }

    public async Task<IReadOnlyList<AccessTokenInfo>> ListAccessTokensAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, hint, created_at, last_used_at FROM access_tokens WHERE account_id = $account ORDER BY id DESC;";
        command.Parameters.AddWithValue("$account", accountId);
        var tokens = new List<AccessTokenInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new AccessTokenInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), ParseTime(reader.GetString(3)),
                reader.IsDBNull(4) ? null : ParseTime(reader.GetString(4))));
        }
        return tokens;
    }

    public async Task<bool> DeleteAccessTokenAsync(long accountId, long tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM access_tokens WHERE id = $id AND account_id = $account;";
        command.Parameters.AddWithValue("$id", tokenId);
        command.Parameters.AddWithValue("$account", accountId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<Account?> UseAccessTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE access_tokens SET last_used_at = $now WHERE token_hash = $hash RETURNING account_id;";
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$now", Stamp(now));
        object? accountId = await command.ExecuteScalarAsync(cancellationToken);
        return accountId is null ? null : await GetAccountAsync(Convert.ToInt64(accountId, CultureInfo.InvariantCulture), cancellationToken);
    }

    private static async Task<Account?> ReadAccountAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Account(reader.GetInt64(0), reader.GetString(1), ParseTime(reader.GetString(2)))
            : null;
    }

    /// <summary>UTC in round-trip form: fixed width, so text order is time order in SQL comparisons.</summary>
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
