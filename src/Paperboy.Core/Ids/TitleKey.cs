using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Core.Ids;

/// <summary>
/// The stable id of a paper known only by its title (a saved trending page, a BibTeX entry without
/// an eprint). The store computes the same key from an arXiv record's title to merge the two.
/// Callers pass the cleaned title (TextCleaner.Clean) so TeX accents and entities match their Unicode forms.
/// </summary>
public static class TitleKey
{
    public const string Prefix = "title:";

    /// <summary>
    /// NFKD (Unicode UAX #15), combining marks dropped, lower-cased, every run of characters that are
    /// not letters or digits collapsed to one space, trimmed. "Schrödinger  Bridges!" -> "schrodinger bridges".
    /// </summary>
    public static string Normalize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var decomposed = title.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        Span<char> lower = stackalloc char[2];
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(lower[..Rune.ToLowerInvariant(rune).EncodeToUtf16(lower)]);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary><c>title:</c> plus the first 16 hex digits of SHA-256 over the UTF-8 normalised title.</summary>
    /// <exception cref="ArgumentException">The title has no letters or digits, so it cannot identify a paper.</exception>
    public static string IdFor(string title) =>
        TryIdFor(title) ?? throw new ArgumentException($"title key: title \"{title}\" has no letters or digits", nameof(title));

    /// <summary>The title key, or null for a title with no letters or digits (such a paper never merges by title).</summary>
    public static string? TryIdFor(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (Ascii.IsValid(title))
        {
            return AsciiIdFor(title);
        }
        var normalized = Normalize(title);
        return normalized.Length == 0 ? null : IdForNormalized(Encoding.UTF8.GetBytes(normalized));
    }

    // Every import computes a key per paper, and nearly every title is ASCII. For ASCII, NFKD changes
    // nothing and there are no marks, so Normalize keeps [A-Za-z0-9] lower-cased with single spaces
    // between runs; that is done here straight into UTF-8 bytes, with no string on the way.
    private static string? AsciiIdFor(string title)
    {
        Span<byte> buffer = title.Length <= 512 ? stackalloc byte[title.Length] : new byte[title.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = (byte)' ';
                }
                pendingSpace = false;
                buffer[length++] = (byte)char.ToLowerInvariant(c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return length == 0 ? null : IdForNormalized(buffer[..length]);
    }

    private static string IdForNormalized(ReadOnlySpan<byte> normalizedUtf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(normalizedUtf8, hash);
        return Prefix + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>True for ids made by <see cref="IdFor"/>.</summary>
    public static bool IsTitleKey(string id) =>
        id is not null && id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length == Prefix.Length + 16;
}
