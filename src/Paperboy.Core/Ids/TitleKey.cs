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
                foreach (var c in Rune.ToLowerInvariant(rune).ToString())
                {
                    builder.Append(c);
                }
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
        var normalized = Normalize(title);
        if (normalized.Length == 0)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>True for ids made by <see cref="IdFor"/>.</summary>
    public static bool IsTitleKey(string id) =>
        id is not null && id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length == Prefix.Length + 16;
}
