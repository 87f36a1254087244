using System.Buffers;
using System.Net;
using System.Text;

namespace Paperboy.Core.Text;

/// <summary>
/// Turns source text (arXiv metadata, saved pages) into display and index text: HTML entities decoded,
/// LaTeX text-mode residue turned into Unicode, line wraps joined. Math (<c>$...$</c>, <c>$$...$$</c>,
/// <c>\(...\)</c>, <c>\[...\]</c>) is kept verbatim for KaTeX, only its whitespace collapsed.
/// Never throws: unknown macros are kept, unbalanced braces and delimiters are read as literal text.
/// The SQLite store cleans most abstracts again as it reads them (docs/STORE.md), so a change to what
/// this makes of a text changes stored papers too; raise PaperSearchService.DocumentMapping with it.
/// </summary>
public static class TextCleaner
{
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        return IsPlain(raw) ? CollapseWhitespace(raw) : CleanGeneral(raw);
    }

    /// <summary>
    /// True when <see cref="Clean"/> makes exactly <paramref name="cleaned"/> of <paramref name="raw"/>.
    /// The SQLite store asks this of every paper it writes (to store such an abstract once); for plain
    /// text it compares while collapsing, so no cleaned copy is made only to be compared and dropped.
    /// </summary>
    public static bool CleansTo(string? raw, string cleaned)
    {
        ArgumentNullException.ThrowIfNull(cleaned);
        if (string.IsNullOrEmpty(raw))
        {
            return cleaned.Length == 0;
        }
        return IsPlain(raw) ? CollapsesTo(raw, cleaned) : CleanGeneral(raw) == cleaned;
    }

    /// <summary>The full rule set, character by character; <see cref="Clean"/> without its fast path, which the tests compare it with.</summary>
    internal static string CleanGeneral(string raw)
    {
        if (raw.Length == 0)
        {
            return "";
        }

        // Entities first: arXiv's OAI and HTML pages escape &, <, > and quotes (HTML 5 named character references).
        var text = raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (TryAppendMath(text, ref i, output))
            {
                continue;
            }

            i = AppendText(text, i, output);
        }

        return CollapseWhitespace(output);
    }

    /// <summary>An author name for display: cleaned like any text, stray separators trimmed.</summary>
    public static string CleanAuthorName(string? raw) => Clean(raw).Trim(' ', ',', ';');

    private static bool TryAppendMath(string text, ref int i, StringBuilder output)
    {
        string open;
        string close;
        if (text[i] == '$')
        {
            (open, close) = At(text, i + 1, '$') ? ("$$", "$$") : ("$", "$");
        }
        else if (text[i] == '\\' && At(text, i + 1, '('))
        {
            (open, close) = (@"\(", @"\)");
        }
        else if (text[i] == '\\' && At(text, i + 1, '['))
        {
            (open, close) = (@"\[", @"\]");
        }
        else
        {
            return false;
        }

        var end = FindClose(text, i + open.Length, close);
        if (end < 0)
        {
            // Unbalanced: a lone "$15" is currency, not math.
            if (open[0] != '$')
            {
                return false;
            }

            output.Append(open);
            i += open.Length;
            return true;
        }

        output.Append(text, i, end + close.Length - i);
        i = end + close.Length;
        return true;
    }

    // The index of the closing delimiter, skipping escaped characters such as \$, or -1.
    private static int FindClose(string text, int from, string close)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (string.CompareOrdinal(text, j, close, 0, close.Length) == 0)
            {
                return j;
            }

            if (text[j] == '\\' && close[0] != '\\')
            {
                j++;
            }
        }

        return -1;
    }

    // Handles one text-mode token at i and returns the index after it.
    private static int AppendText(string text, int i, StringBuilder output)
    {
        var c = text[i];
        switch (c)
        {
            case '\\':
                return TexCommand.Append(text, i, output);
            case '{' or '}':
                // Grouping braces ({\em x}, {B}ayes) are invisible in print.
                return i + 1;
            case '`' when At(text, i + 1, '`'):
                output.Append('\u201C');
                return i + 2;
            case '\'' when At(text, i + 1, '\''):
                output.Append('\u201D');
                return i + 2;
            case '-' when At(text, i + 1, '-') && At(text, i + 2, '>'):
                output.Append("-->"); // an ASCII arrow ("D0 --> K- e+ nu"), not a dash
                return i + 3;
            case '-' when At(text, i + 1, '-') && At(text, i + 2, '-'):
                output.Append('\u2014');
                return i + 3;
            case '-' when At(text, i + 1, '-'):
                output.Append('\u2013');
                return i + 2;
            case '~' when i == 0 || text[i - 1] != '/':
                // A TeX tie (Fig.~2) is a space; "/~user" in a URL stays.
                output.Append(' ');
                return i + 1;
            default:
                // Control characters (NUL and friends) have no place in display text.
                output.Append(char.IsControl(c) ? ' ' : c);
                return i + 1;
        }
    }

    // Characters that start a rule other than whitespace: math, macros, groups, entities, ties.
    private static readonly SearchValues<char> RuleStarts = SearchValues.Create("\\$&{}~");

    /// <summary>
    /// True when no rule but whitespace collapsing applies: none of <see cref="RuleStarts"/>, no doubled
    /// quote or dash. Most titles and abstracts are plain, and then cleaning is one pass with no builder.
    /// </summary>
    private static bool IsPlain(string text)
    {
        if (text.AsSpan().ContainsAny(RuleStarts))
        {
            return false;
        }
        for (var i = text.IndexOfAny(['`', '\'', '-']); i >= 0 && i < text.Length - 1; i++)
        {
            var c = text[i];
            if ((c is '`' or '\'' or '-') && text[i + 1] == c)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Plain text cleaned: control characters count as whitespace (the general path turns them into
    /// spaces), every run of whitespace becomes one space, none at either end. Returns the input
    /// itself when nothing changes.
    /// </summary>
    private static string CollapseWhitespace(string text)
    {
        var inner = TrimSpaces(text);
        if (!NeedsCollapse(inner))
        {
            return inner.Length == text.Length ? text : inner.ToString();
        }

        var buffer = ArrayPool<char>.Shared.Rent(inner.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in inner)
            {
                if (IsSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }
                buffer[length++] = c;
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // CollapseWhitespace(text) == expected, walked side by side.
    private static bool CollapsesTo(string text, string expected)
    {
        var j = 0;
        var pendingSpace = false;
        foreach (var c in TrimSpaces(text))
        {
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                if (j == expected.Length || expected[j] != ' ')
                {
                    return false;
                }
                j++;
                pendingSpace = false;
            }
            if (j == expected.Length || expected[j] != c)
            {
                return false;
            }
            j++;
        }
        return j == expected.Length;
    }

    // The text without the whitespace and control characters at either end.
    private static ReadOnlySpan<char> TrimSpaces(string text)
    {
        var start = 0;
        while (start < text.Length && IsSpace(text[start]))
        {
            start++;
        }
        var end = text.Length;
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return text.AsSpan(start, end - start);
    }

    // Anything but single spaces between words: a tab, a newline, a control character, two spaces.
    private static bool NeedsCollapse(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' ? i + 1 < text.Length && text[i + 1] == ' ' : c < '!' || (c > '~' && IsSpace(c)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    internal static bool At(string text, int index, char expected) => index < text.Length && text[index] == expected;

    private static string CollapseWhitespace(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
