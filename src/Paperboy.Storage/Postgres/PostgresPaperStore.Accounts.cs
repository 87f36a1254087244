using Npgsql;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;
using static Paperboy.Storage.Postgres.PostgresValues;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// Accounts, sign-in tokens, sessions, access tokens and server secrets, in the same database as the
/// papers (migration 0003). Every claim is one statement, so two processes racing for it agree.
/// </summary>
public sealed partial class PostgresPaperStore : IAccountStore
{
    public async Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var connection = await OpenAsync(cancellationToken);
        // An insert that conflicts waits for the winner to commit, so the select after it sees the winner's value.
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING;", connection))
        {
            insert.Parameters.Add(Text(name));
            insert.Parameters.Add(Bytes(candidate));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var select = new NpgsqlCommand("SELECT value FROM server_secrets WHERE name = $1;", connection);
        select.Parameters.Add(Text(name));
        return (byte[])(await select.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"store: secret {name} vanished after it was stored"));
    }

    public async Task AddSignInTokenAsync(SignInTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO sign_in_tokens (token_hash, email, created_at, expires_at) VALUES ($1, $2, $3, $4);", connection);
        command.Parameters.Add(Text(token.TokenHash));
        command.Parameters.Add(Text(token.Email));
        command.Parameters.Add(Time(token.Created));
        command.Parameters.Add(Time(token.Expires));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> ConsumeSignInTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // One statement claims and reads the row. A second UPDATE of the same row, from this process or
        // another, waits for the first to commit and then re-checks used_at IS NULL on the row it left,
        // so it matches nothing: a link signs in once however many nodes it reaches.
        await using var command = new NpgsqlCommand(
            "UPDATE sign_in_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING email;", connection);
        command.Parameters.Add(Text(tokenHash));
        command.Parameters.Add(Time(now));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<Account> SignInAccountAsync(string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO accounts (email, created_at, last_sign_in_at) VALUES ($1, $2, $2) " +
            "ON CONFLICT (email) DO UPDATE SET last_sign_in_at = excluded.last_sign_in_at RETURNING id, email, created_at;", connection);
        command.Parameters.Add(Text(email));
        command.Parameters.Add(Time(now));
        return await ReadAccountAsync(command, cancellationToken)
            ?? throw new InvalidOperationException($"store: unable to create the account of {email}");
    }

    public async Task<Account?> GetAccountAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, email, created_at FROM accounts WHERE id = $1;", connection);
        command.Parameters.Add(Bigint(accountId));
        return await ReadAccountAsync(command, cancellationToken);
    }

    public async Task AddSessionAsync(string tokenHash, long accountId, DateTimeOffset created, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4);", connection);
        command.Parameters.Add(Text(tokenHash));
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Time(created));
        command.Parameters.Add(Time(expires));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Account?> FindSessionAccountAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT a.id, a.email, a.created_at FROM sessions s JOIN accounts a ON a.id = s.account_id " +
            "WHERE s.token_hash = $1 AND s.expires_at > $2;", connection);
        command.Parameters.Add(Text(tokenHash));
        command.Parameters.Add(Time(now));
        return await ReadAccountAsync(command, cancellationToken);
    }

    public async Task DeleteSessionAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM sessions WHERE token_hash = $1;", connection);
        command.Parameters.Add(Text(tokenHash));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "WITH expired_tokens AS (DELETE FROM sign_in_tokens WHERE expires_at <= $1 RETURNING 1), " +
            "expired_sessions AS (DELETE FROM sessions WHERE expires_at <= $1 RETURNING 1) " +
            "SELECT (SELECT COUNT(*) FROM expired_tokens) + (SELECT COUNT(*) FROM expired_sessions);", connection);
        command.Parameters.Add(Time(now));
        return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<AccessTokenInfo> AddAccessTokenAsync(long accountId, string name, string tokenHash, string hint, DateTimeOffset created, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO access_tokens (account_id, name, token_hash, hint, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id;", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(name));
        command.Parameters.Add(Text(tokenHash));
        command.Parameters.Add(Text(hint));
        command.Parameters.Add(Time(created));
        long id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new AccessTokenInfo(id, name, hint, Stored(created), null);
    }

    public async Task<IReadOnlyList<AccessTokenInfo>> ListAccessTokensAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, name, hint, created_at, last_used_at FROM access_tokens WHERE account_id = $1 ORDER BY id DESC;", connection);
        command.Parameters.Add(Bigint(accountId));
        var tokens = new List<AccessTokenInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(new AccessTokenInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                PostgresRows.Time(reader, 3)!.Value, PostgresRows.Time(reader, 4)));
        }
        return tokens;
    }

    public async Task<bool> DeleteAccessTokenAsync(long accountId, long tokenId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM access_tokens WHERE id = $1 AND account_id = $2;", connection);
        command.Parameters.Add(Bigint(tokenId));
        command.Parameters.Add(Bigint(accountId));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<Account?> UseAccessTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE access_tokens t SET last_used_at = $2 FROM accounts a " +
            "WHERE t.token_hash = $1 AND a.id = t.account_id RETURNING a.id, a.email, a.created_at;", connection);
        command.Parameters.Add(Text(tokenHash));
        command.Parameters.Add(Time(now));
        return await ReadAccountAsync(command, cancellationToken);
    }

    private static async Task<Account?> ReadAccountAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Account(reader.GetInt64(0), reader.GetString(1), PostgresRows.Time(reader, 2)!.Value)
            : null;
    }
}
