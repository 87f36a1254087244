using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Application.Accounts;

/// <summary>
/// Random 256-bit tokens (sign-in links, sessions, access tokens) and the hash the store keeps instead
/// of them. A plain SHA-256 suffices: unlike a password, a 256-bit random token cannot be guessed, so
/// the hash need not be slow.
/// </summary>
public static class SecretTokens
{
    public const int Bytes = 32;

    /// <summary>A new token, base64url without padding (43 characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The hash stored for a token: SHA-256 of its UTF-8 text, lower-case hex.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
