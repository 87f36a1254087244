using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Accounts;

/// <summary>
/// Signs sign-in links with HMAC-SHA256 (RFC 2104) over the token and its expiry, so a link whose expiry
/// was edited, or one made up, is refused before the store is asked. The key is 256 random bits made by
/// <see cref="RandomNumberGenerator"/> on first start and kept in the store; there is no default key.
/// </summary>
public sealed class SignInLinkSigner(IAccountStore store)
{
    public const string SecretName = "sign-in-link-hmac";

    private byte[]? _key;

    public async Task<string> SignAsync(string token, long expiresUnixSeconds, CancellationToken cancellationToken)
    {
        byte[] key = await KeyAsync(cancellationToken);
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Payload(token, expiresUnixSeconds)));
    }

    public async Task<bool> VerifyAsync(string token, long expiresUnixSeconds, string signature, CancellationToken cancellationToken)
    {
        byte[] key = await KeyAsync(cancellationToken);
        byte[] expected = HMACSHA256.HashData(key, Payload(token, expiresUnixSeconds));
        byte[] given = new byte[expected.Length];
        return Base64Url.IsValid(signature, out int length)
            && length == expected.Length
            && Base64Url.TryDecodeFromChars(signature, given, out _)
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static byte[] Payload(string token, long expires) =>
        Encoding.UTF8.GetBytes($"sign-in|{token}|{expires.ToString(CultureInfo.InvariantCulture)}");

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken) =>
        _key ??= await store.GetOrAddSecretAsync(SecretName, RandomNumberGenerator.GetBytes(32), cancellationToken);
}
