using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>What a subscription link may do.</summary>
public enum SubscriptionLinkPurpose
{
    /// <summary>Confirm the address (double opt-in).</summary>
    Confirm,

    /// <summary>Open the preferences page or unsubscribe (the link in every digest and its List-Unsubscribe header).</summary>
    Manage,
}

/// <summary>
/// Signs subscription links as the sign-in links are signed (<see cref="Accounts.SignInLinkSigner"/>):
/// HMAC-SHA256 (RFC 2104) with a 256-bit key made by <see cref="RandomNumberGenerator"/> on first use and
/// kept in the store, under its own name so the two kinds of link never verify as each other. A token is
/// <c>{subscriber id}.{HMAC over purpose, id and the subscriber's salt}</c>: 256 bits no one can guess
/// without the key, and derivable again for every digest, so no link secret is stored. Replacing a salt
/// (a new confirmation request, unsubscribing) revokes every link made with the old one.
/// </summary>
public sealed class SubscriptionLinks(IAccountStore secrets)
{
    public const string SecretName = "subscription-link-hmac";

    private byte[]? _key;

    public async Task<string> TokenAsync(Subscriber subscriber, SubscriptionLinkPurpose purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        string salt = SaltFor(subscriber, purpose) ?? throw new InvalidOperationException($"subscriptions: subscriber {subscriber.Id} has no {purpose} salt");
        byte[] key = await KeyAsync(cancellationToken);
        return subscriber.Id.ToString(CultureInfo.InvariantCulture) + "." + Base64Url.EncodeToString(Mac(key, purpose, subscriber.Id, salt));
    }

    /// <summary>The subscriber id a token names, if it is shaped like a token at all; says nothing of its validity.</summary>
    public static bool TryReadId(string? token, out long id)
    {
        id = 0;
        int dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return token is { Length: <= 80 } && dot > 0
            && long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>True when <paramref name="token"/> was made by <see cref="TokenAsync"/> for this subscriber, purpose and current salt.</summary>
    public async Task<bool> VerifyAsync(Subscriber subscriber, SubscriptionLinkPurpose purpose, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (token is null || !TryReadId(token, out long id) || id != subscriber.Id || SaltFor(subscriber, purpose) is not { } salt)
        {
            return false;
        }
        string signature = token[(token.IndexOf('.', StringComparison.Ordinal) + 1)..];
        byte[] expected = Mac(await KeyAsync(cancellationToken), purpose, id, salt);
        byte[] given = new byte[expected.Length];
        return Base64Url.IsValid(signature, out int length)
            && length == expected.Length
            && Base64Url.TryDecodeFromChars(signature, given, out _)
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>A new salt: 128 random bits.</summary>
    public static string NewSalt() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private static string? SaltFor(Subscriber subscriber, SubscriptionLinkPurpose purpose) =>
        purpose == SubscriptionLinkPurpose.Confirm ? subscriber.ConfirmSalt : subscriber.LinkSalt;

    private static byte[] Mac(byte[] key, SubscriptionLinkPurpose purpose, long id, string salt) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(
            $"subscription|{(purpose == SubscriptionLinkPurpose.Confirm ? "confirm" : "manage")}|{id.ToString(CultureInfo.InvariantCulture)}|{salt}"));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken) =>
        _key ??= await secrets.GetOrAddSecretAsync(SecretName, RandomNumberGenerator.GetBytes(32), cancellationToken);
}
