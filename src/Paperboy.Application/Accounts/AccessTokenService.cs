using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Accounts;

/// <summary>A token just created: <see cref="Secret"/> is shown to its owner once and never stored.</summary>
public sealed record NewAccessToken(AccessTokenInfo Info, string Secret);

/// <summary>
/// Personal access tokens for the JSON API: "pb_" and 256 random bits, kept only as a hash. The prefix
/// lets secret scanners and people recognise a Paperboy token.
/// </summary>
public sealed class AccessTokenService(IAccountStore store, TimeProvider time)
{
    public const string Prefix = "pb_";
    public const int MaxNameLength = 100;
    private const int HintLength = 8;

    /// <summary>Creates a token named <paramref name="name"/> (trimmed; "token" when empty); null when the name is too long or holds control characters.</summary>
    public async Task<NewAccessToken?> CreateAsync(long accountId, string? name, CancellationToken cancellationToken)
    {
        string label = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim();
        if (label.Length > MaxNameLength || label.Any(char.IsControl))
        {
            return null;
        }
        string secret = Prefix + SecretTokens.New();
        var info = await store.AddAccessTokenAsync(accountId, label, SecretTokens.Hash(secret), secret[..HintLength], time.GetUtcNow(), cancellationToken);
        return new NewAccessToken(info, secret);
    }

    public Task<IReadOnlyList<AccessTokenInfo>> ListAsync(long accountId, CancellationToken cancellationToken) =>
        store.ListAccessTokensAsync(accountId, cancellationToken);

    public Task<bool> RevokeAsync(long accountId, long tokenId, CancellationToken cancellationToken) =>
        store.DeleteAccessTokenAsync(accountId, tokenId, cancellationToken);

    /// <summary>The account a bearer token belongs to, or null for anything that is not a live token.</summary>
    public async Task<Account?> AuthenticateAsync(string? secret, CancellationToken cancellationToken)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length != Prefix.Length + 43)
        {
            return null;
        }
        return await store.UseAccessTokenAsync(SecretTokens.Hash(secret), time.GetUtcNow(), cancellationToken);
    }
}
