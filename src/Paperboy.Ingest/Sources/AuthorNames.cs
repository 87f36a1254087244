using System.Text;
using System.Text.RegularExpressions;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources;

/// <summary>Author names as arXiv sources give them: one raw string, or structured parts.</summary>
internal static partial class AuthorNames
{
    /// <summary>"A. One, B. Two (Affil) and C. Three" as three names; affiliations in parentheses dropped.</summary>
    public static List<string> SplitRaw(string? authors)
    {
        var withoutAffiliations = RemoveParentheses(TextCleaner.Clean(authors));
        return AuthorSeparator().Split(withoutAffiliations)
            .Select(TextCleaner.CleanAuthorName)
            .Where(IsName)
            .ToList();
    }

    /// <summary>"Forenames Keyname Suffix", cleaned.</summary>
    public static string Join(string? forenames, string? keyname, string? suffix)
    {
        // Every author of every snapshot record comes here: parts joined by hand, without LINQ's iterators.
        var joined = new StringBuilder();
        AppendPart(joined, forenames);
        AppendPart(joined, keyname);
        AppendPart(joined, suffix);
        return TextCleaner.CleanAuthorName(joined.ToString());
    }

    private static void AppendPart(StringBuilder joined, string? part)
    {
        var trimmed = part.AsSpan().Trim();
        if (trimmed.Length > 0)
        {
            if (joined.Length > 0)
            {
                joined.Append(' ');
            }
            joined.Append(trimmed);
        }
    }

    /// <summary>
    /// A name has at least one letter. arXiv's own splitting of collaboration bylines leaves entries such as
    /// a keyname ":" (OAI record 1603.05976); those are separators, not people.
    /// </summary>
    public static bool IsName(string name)
    {
        foreach (var c in name)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }
        return false;
    }

    private static string RemoveParentheses(string text)
    {
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\s*(?:,|;|\band\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();
}
