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
    /// itself when nothing changes. The text between whitespace runs is copied a run at a time.
    /// </summary>
    private static string CollapseWhitespace(string text)
    {
        var inner = TrimSpaces(text);
        var finder = new SpaceFinder(inner);
        var at = finder.Next(0);
        if (at == inner.Length)
        {
            return inner.Length == text.Length ? text : inner.ToString();
        }

        var buffer = ArrayPool<char>.Shared.Rent(inner.Length);
        try
        {
            // The text is trimmed, so it starts and ends with a run that is not whitespace.
            inner[..at].CopyTo(buffer);
            var length = at;
            while (at < inner.Length)
            {
                if (buffer[length - 1] != ' ')
                {
                    buffer[length++] = ' ';
                }
                while (IsSpace(inner[at]))
                {
                    at++;
                }
                var next = finder.Next(at);
                inner[at..next].CopyTo(buffer.AsSpan(length));
                length += next - at;
                at = next;
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // CollapseWhitespace(text) == expected, walked side by side a run at a time.
    private static bool CollapsesTo(string text, string expected)
    {
        var inner = TrimSpaces(text);
        var finder = new SpaceFinder(inner);
        var at = 0;
        var matched = 0;
        while (true)
        {
            var next = finder.Next(at);
            var run = inner[at..next];
            if (expected.Length - matched < run.Length || !run.SequenceEqual(expected.AsSpan(matched, run.Length)))
            {
                return false;
            }
            matched += run.Length;
            if (next == inner.Length)
            {
                return matched == expected.Length;
            }
            // The run before is never empty, so the cleaned text so far ends in its last character.
            if (expected[matched - 1] != ' ')
            {
                if (matched == expected.Length || expected[matched] != ' ')
                {
                    return false;
                }
                matched++;
            }
            at = next;
            while (IsSpace(inner[at]))
            {
                at++;
            }
        }
    }

    /// <summary>
    /// Finds where collapsing has work to do: the next whitespace or control character other than a
    /// single space. Both searches it makes, for a character outside printable ASCII and for two
    /// spaces, are vectorized and remembered until passed, so a text is scanned about once; a character
    /// outside ASCII that is not whitespace (an accent, a Greek letter) only resumes the search.
    /// </summary>
    private ref struct SpaceFinder(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _outsideAscii = -1;
        private int _twoSpaces = -1;

        /// <summary>The first such position at or after <paramref name="from"/>, or the text's length.</summary>
        public int Next(int from)
        {
            while (true)
            {
                if (_outsideAscii < from)
                {
                    _outsideAscii = Found(from, _text[from..].IndexOfAnyExceptInRange(' ', '~'));
                }
                if (_twoSpaces < from)
                {
                    _twoSpaces = Found(from, _text[from..].IndexOf("  "));
                }
                var at = Math.Min(_outsideAscii, _twoSpaces);
                if (at == _text.Length || IsSpace(_text[at]))
                {
                    return at;
                }
                from = at + 1;
            }
        }

        private readonly int Found(int from, int index) => index < 0 ? _text.Length : from + index;
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
