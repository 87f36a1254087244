using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Paperboy.Core.Accounts;

namespace Paperboy.Application.Follows;

/// <summary>
/// The key a follow is stored under, so that the same author or category written two ways is one follow.
/// An author's key is the name folded: compatibility-normalized (NFKC), accents removed, lower case,
/// inner white space made one space ("Günter  Klambauer" and "gunter klambauer" are one key). A
/// category's key is the arXiv category as written there (case matters: cs.LG).
/// </summary>
public static partial class FollowKeys
{
    public const int MaxLength = 200;

    public static bool TryParseKind(string? name, out FollowKind kind)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "author":
                kind = FollowKind.Author;
                return true;
            case "category":
                kind = FollowKind.Category;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string KindName(FollowKind kind) => kind == FollowKind.Author ? "author" : "category";

    /// <summary>The stored key and the label to show, or false with the rule <paramref name="input"/> breaks.</summary>
    public static bool TryNormalize(FollowKind kind, string? input, out string key, out string label, out string error)
    {
        label = Spaces().Replace((input ?? "").Normalize(NormalizationForm.FormC).Trim(), " ");
        key = "";
        error = "";
        if (label.Length == 0 || label.Length > MaxLength || label.Any(char.IsControl))
        {
            error = $"a {KindName(kind)} to follow must have 1 to {MaxLength} characters and no control characters";
            return false;
        }
        if (kind == FollowKind.Category)
        {
            if (!Category().IsMatch(label))
            {
                error = $"'{label}' is not an arXiv category such as cs.LG or hep-th";
                return false;
            }
            key = label;
            return true;
        }
        key = FoldName(label);
        return true;
    }

    /// <summary>An author name folded to its key.</summary>
    public static string FoldName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (char c in Spaces().Replace(name, " ").Trim().Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // arXiv's taxonomy: an archive in lower case letters and hyphens, optionally a dot and a subject class.
    [GeneratedRegex(@"^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$")]
    private static partial Regex Category();
}
