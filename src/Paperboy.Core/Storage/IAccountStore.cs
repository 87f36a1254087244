using Paperboy.Core.Accounts;

namespace Paperboy.Core.Storage;

/// <summary>
/// Accounts and their credentials: sign-in links, browser sessions and personal access tokens. Every
/// token is handed in already hashed; the store never sees a secret it could leak.
/// </summary>
public interface IAccountStore
{
    /// <summary>
    /// The secret named <paramref name="name"/>, stored as <paramref name="candidate"/> if none is yet.
    /// Two processes starting at once agree on one value: the first insert wins and both read it back.
    /// </summary>
    Task<byte[]> GetOrAddSecretAsync(string name, byte[] candidate, CancellationToken cancellationToken);

    Task AddSignInTokenAsync(SignInTokenRecord token, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the sign-in token used and returns its email address, if it exists, is unused and has not
    /// expired at <paramref name="now"/>; otherwise null. Atomic: of two concurrent uses, one wins.
    /// </summary>
    Task<string?> ConsumeSignInTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The account of this (normalized) address, created if new; records the sign-in time.</summary>
    Task<Account> SignInAccountAsync(string email, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Account?> GetAccountAsync(long accountId, CancellationToken cancellationToken);

    Task AddSessionAsync(string tokenHash, long accountId, DateTimeOffset created, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>The account a session belongs to, if the session exists and has not expired at <paramref name="now"/>.</summary>
    Task<Account?> FindSessionAccountAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task DeleteSessionAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Deletes sign-in tokens and sessions that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<AccessTokenInfo> AddAccessTokenAsync(long accountId, string name, string tokenHash, string hint, DateTimeOffset created, CancellationToken cancellationToken);

    /// <summary>The account's tokens, newest first.</summary>
    Task<IReadOnlyList<AccessTokenInfo>> ListAccessTokensAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Deletes one of the account's tokens; false if it has no such token.</summary>
    Task<bool> DeleteAccessTokenAsync(long accountId, long tokenId, CancellationToken cancellationToken);

    /// <summary>The account an access token belongs to, recording its use at <paramref name="now"/>; null for an unknown token.</summary>
    Task<Account?> UseAccessTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);
}
