using System.Text.RegularExpressions;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>
/// The HTML the old feeds put inside text elements (escaped, so it arrives as text): a <c>&lt;p&gt;</c> around the
/// abstract and <c>&lt;a href="/find/..."&gt;Name&lt;/a&gt; (Affiliation)</c> lists of authors. Never parsed as
/// markup: tags are only removed, so nothing in them can run or fetch.
/// </summary>
internal static partial class FeedHtml
{
    /// <summary>Display text of an HTML fragment: tags removed first (so an escaped "&amp;lt;x&amp;gt;" in the text stays
    /// text), then entities decoded and LaTeX residue cleaned by <see cref="TextCleaner"/>.</summary>
    public static string ToText(string? html) => string.IsNullOrEmpty(html) ? "" : TextCleaner.Clean(Tag().Replace(html, " "));

    /// <summary>The names inside the anchors, in order; a list without anchors is split at commas.</summary>
    public static List<string> AuthorNames(string? html)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(html))
        {
            return names;
        }

        var anchors = Anchor().Matches(html);
        var parts = anchors.Count > 0
            ? anchors.Select(a => a.Groups["name"].Value)
            : ToText(Parenthesised().Replace(html, " ")).Split(',');
        foreach (var part in parts)
        {
            var name = TextCleaner.CleanAuthorName(Tag().Replace(part, " "));
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    [GeneratedRegex(@"<[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<a\b[^>]*>(?<name>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"\([^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();
}
