using Paperboy.Search.Analysis;

namespace Paperboy.Search.Highlighting;

/// <summary>
/// Marks the words of a text whose analyzed form is a query term, so "networks" is marked for the
/// query "network". Titles are returned whole; abstracts as the window of words with the most
/// distinct query terms (then the most matches, then the earliest), shifted so its matches sit in
/// the middle with context on both sides, with "…" where text was cut.
/// </summary>
internal static class Highlighter
{
    private const string Ellipsis = "…";

    public static Snippet Title(string? title, IReadOnlySet<string> terms)
    {
        title ??= "";
        var tokens = Tokenizer.Tokenize(title);
        return Mark(title, tokens, 0, tokens.Count, terms);
    }

    public static Snippet Abstract(string? text, IReadOnlySet<string> terms, int windowWords)
    {
        text ??= "";
        var tokens = Tokenizer.Tokenize(text);
        // A little slack, so an abstract is not cut to save its last few words.
        if (tokens.Count <= windowWords + 5)
        {
            return Mark(text, tokens, 0, tokens.Count, terms);
        }
        var matched = tokens.Select(t => MatchedTerm(text, t, terms)).ToArray();
        var best = Centered(matched, BestWindow(matched, windowWords), windowWords);
        return Mark(text, tokens, best, best + windowWords, terms);
    }

    /// <summary>Start of the best window: most distinct terms, then most matches, then earliest.</summary>
    internal static int BestWindow(string?[] matched, int windowWords)
    {
        var bestStart = 0;
        var bestDistinct = -1;
        var bestCount = -1;
        for (var start = 0; start + windowWords <= matched.Length; start++)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            for (var i = start; i < start + windowWords; i++)
            {
                if (matched[i] is { } term)
                {
                    distinct.Add(term);
                    count++;
                }
            }
            if (distinct.Count > bestDistinct || (distinct.Count == bestDistinct && count > bestCount))
            {
                (bestStart, bestDistinct, bestCount) = (start, distinct.Count, count);
            }
        }
        return bestStart;
    }

    /// <summary>
    /// The same matches, with the spare words split evenly before the first and after the last, so a
    /// reader sees what leads up to a match rather than a window that ends on it.
    /// </summary>
    internal static int Centered(string?[] matched, int start, int windowWords)
    {
        int first = Array.FindIndex(matched, start, windowWords, m => m is not null);
        if (first < 0)
        {
            return start;
        }
        int last = Array.FindLastIndex(matched, start + windowWords - 1, windowWords, m => m is not null);
        int spare = windowWords - (last - first + 1);
        return Math.Clamp(first - (spare / 2), 0, matched.Length - windowWords);
    }

    private static Snippet Mark(string text, List<Token> tokens, int from, int to, IReadOnlySet<string> terms)
    {
        if (tokens.Count == 0)
        {
            return text.Length == 0 ? Snippet.Empty : new Snippet([new SnippetPart(text, false)]);
        }
        var whole = from == 0 && to >= tokens.Count;
        var start = whole ? 0 : tokens[from].Start;
        var end = whole ? text.Length : tokens[to - 1].End;
        var parts = new List<SnippetPart>();
        if (!whole && from > 0)
        {
            parts.Add(new SnippetPart(Ellipsis + " ", false));
        }
        var cursor = start;
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (MatchedTerm(text, token, terms) is null)
            {
                continue;
            }
            if (token.Start > cursor)
            {
                parts.Add(new SnippetPart(text[cursor..token.Start], false));
            }
            parts.Add(new SnippetPart(text[token.Start..token.End], true));
            cursor = token.End;
        }
        if (end > cursor)
        {
            parts.Add(new SnippetPart(text[cursor..end], false));
        }
        if (!whole && to < tokens.Count)
        {
            parts.Add(new SnippetPart(" " + Ellipsis, false));
        }
        return new Snippet(parts);
    }

    private static string? MatchedTerm(string text, Token token, IReadOnlySet<string> terms) =>
        terms.Count > 0 && Analyzer.English.TryNormalize(text.AsSpan(token.Start, token.Length), out var term) && terms.Contains(term)
            ? term
            : null;
}
