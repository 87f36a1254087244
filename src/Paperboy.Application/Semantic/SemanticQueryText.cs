using System.Text;
using System.Text.RegularExpressions;

namespace Paperboy.Application.Semantic;

/// <summary>
/// What the embedder reads of a keyword query: its words, without the syntax. Filters (cat:, year:,
/// date:) restrict the results instead (<see cref="Paperboy.Search.SearchIndex.KeyFilter"/>), author:
/// names say nothing about meaning, and excluded words (-word, NOT word) must not pull results towards
/// themselves; field prefixes and quotes are dropped and their words kept.
/// </summary>
public static partial class SemanticQueryText
{
    public static string From(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = new StringBuilder(query.Length);
        bool excludeNext = false;
        foreach (Match match in Part().Matches(query))
        {
            string part = match.Value;
            if (part == "NOT")
            {
                excludeNext = true;
                continue;
            }
            bool excluded = excludeNext || part.StartsWith('-');
            excludeNext = false;
            part = part.TrimStart('+', '-');
            var field = FieldPrefix().Match(part);
            string name = field.Success ? field.Groups[1].Value.ToLowerInvariant() : "";
            if (excluded || name is "cat" or "year" or "date" or "author" or "au" || part is "AND" or "OR")
            {
                continue;
            }
            string words = (field.Success ? part[field.Length..] : part).Trim('"', '(', ')');
            if (words.Length > 0)
            {
                text.Append(text.Length > 0 ? " " : "").Append(words);
            }
        }
        return text.ToString();
    }

    // A quoted phrase (with an optional sign and field before it), or a run of non-spaces.
    [GeneratedRegex("""[+-]?(?:[A-Za-z]+:)?"[^"]*"?|\S+""")]
    private static partial Regex Part();

    [GeneratedRegex("^([A-Za-z]+):")]
    private static partial Regex FieldPrefix();
}
