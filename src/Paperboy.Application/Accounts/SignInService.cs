using System.Globalization;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Accounts;

/// <summary>What became of a request for a sign-in link. Whether the address has an account never shows.</summary>
public enum SignInRequestOutcome
{
    /// <summary>A link went to the address (any well-formed address: the account is made when the link is followed).</summary>
    Sent,
    InvalidAddress,
    RateLimited,
}

/// <summary>A browser session begun by following a sign-in link: the cookie carries <see cref="Token"/>.</summary>
public sealed record SignInSession(Account Account, string Token, DateTimeOffset Expires);

/// <summary>
/// Passwordless sign-in (docs/ACCOUNTS.md): an emailed link holding a random 256-bit token, its expiry and
/// an HMAC of both; the store keeps only the token's hash and lets it be used once. Following the link
/// makes the account if the address is new and starts a session that signing out ends.
/// </summary>
public sealed class SignInService(
    IAccountStore store, SignInLinkSigner signer, SignInThrottle throttle, ISignInMailer mailer, AccountOptions options, TimeProvider time)
{
    /// <summary>The path of the page a link opens, relative to the site root.</summary>
    public const string CompletionPath = "signin/complete";

    /// <param name="client">Who asks (the client's IP address), for the per-client rate limit.</param>
    /// <param name="siteRoot">The site's public root URL that links start with.</param>
    /// <param name="next">A local path to return to after signing in, carried in the link; anything else is dropped.</param>
    public async Task<SignInRequestOutcome> RequestLinkAsync(string? email, string client, Uri siteRoot, string? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        if (!EmailAddresses.TryNormalize(email, out string address))
        {
            return SignInRequestOutcome.InvalidAddress;
        }
        if (!throttle.TryAcquire(options.SignInRateWindow,
                ($"address:{address}", options.SignInRequestsPerAddress), ($"client:{client}", options.SignInRequestsPerClient)))
        {
            return SignInRequestOutcome.RateLimited;
        }
        var now = time.GetUtcNow();
        await store.DeleteExpiredAsync(now, cancellationToken);
        // Whole seconds, so the expiry in the link and the one stored are the same instant.
        long expiresUnix = now.ToUnixTimeSeconds() + (long)options.SignInLinkLifetime.TotalSeconds;
        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        string token = SecretTokens.New();
        await store.AddSignInTokenAsync(new SignInTokenRecord(SecretTokens.Hash(token), address, now, expires), cancellationToken);
        string signature = await signer.SignAsync(token, expiresUnix, cancellationToken);
        string query = $"?token={token}&expires={expiresUnix.ToString(CultureInfo.InvariantCulture)}&sig={signature}";
        if (IsLocalPath(next))
        {
            query += "&next=" + Uri.EscapeDataString(next);
        }
        var link = new Uri(WithTrailingSlash(siteRoot), CompletionPath + query);
        await mailer.SendSignInLinkAsync(address, link, expires, cancellationToken);
        return SignInRequestOutcome.Sent;
    }

    /// <summary>
    /// Uses a link's token: null when the link is malformed, forged, expired or already used (one answer
    /// for all, so a probe learns nothing); otherwise the account, created if new, and a new session.
    /// </summary>
    public async Task<SignInSession?> CompleteAsync(string? token, string? expires, string? signature, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (string.IsNullOrEmpty(token) || token.Length > 64 || string.IsNullOrEmpty(signature) || signature.Length > 64
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out long expiresUnix)
            || expiresUnix <= now.ToUnixTimeSeconds()
            || !await signer.VerifyAsync(token, expiresUnix, signature, cancellationToken))
        {
            return null;
        }
        string? email = await store.ConsumeSignInTokenAsync(SecretTokens.Hash(token), now, cancellationToken);
        if (email is null)
        {
            return null;
        }
        var account = await store.SignInAccountAsync(email, now, cancellationToken);
        string session = SecretTokens.New();
        var sessionExpires = now + options.SessionLifetime;
        await store.AddSessionAsync(SecretTokens.Hash(session), account.Id, now, sessionExpires, cancellationToken);
        return new SignInSession(account, session, sessionExpires);
    }

    /// <summary>The account of a live session, or null once it has expired or been signed out.</summary>
    public Task<Account?> FindSessionAccountAsync(string sessionToken, CancellationToken cancellationToken) =>
        store.FindSessionAccountAsync(SecretTokens.Hash(sessionToken), time.GetUtcNow(), cancellationToken);

    public Task SignOutAsync(string sessionToken, CancellationToken cancellationToken) =>
        store.DeleteSessionAsync(SecretTokens.Hash(sessionToken), cancellationToken);

    /// <summary>A path on this site: "/x", never "//host" or "/\\host", which browsers read as another site.</summary>
    public static bool IsLocalPath([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? path) =>
        path is { Length: > 0 and <= 2000 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(char.IsControl);

    private static Uri WithTrailingSlash(Uri root) =>
        root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
}
