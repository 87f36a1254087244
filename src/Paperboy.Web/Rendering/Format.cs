namespace Paperboy.Web.Rendering;

/// <summary>Small text formatting for pages; the results are plain strings that Razor encodes.</summary>
public static class Format
{
    public static string Authors(IReadOnlyList<string> authors, int max)
    {
        ArgumentNullException.ThrowIfNull(authors);
        return authors.Count <= max
            ? string.Join(", ", authors)
            : $"{string.Join(", ", authors.Take(max))} and {authors.Count - max} more";
    }

    /// <summary>"1 paper matches", "403 papers match", or "At least 10,000 papers match" for a count that stopped there.</summary>
    public static string PapersMatch(int total, bool atLeast) => atLeast
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"At least {total:N0} papers match")
        : total == 1 ? "1 paper matches" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{total:N0} papers match");

    /// <summary>The text cut at a word boundary near <paramref name="max"/> characters, with an ellipsis.</summary>
    public static string Excerpt(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }
        int cut = text.LastIndexOf(' ', max);
        return string.Concat(text.AsSpan(0, cut > max / 2 ? cut : max), "…");
    }
}
