using System.Text;

namespace Paperboy.Core.Text;

/// <summary>
/// Reads one backslash command in text mode and appends what it prints: an accented letter, a special
/// letter, an escaped character, or (for a macro we do not know) the command unchanged.
/// </summary>
internal static class TexCommand
{
    private const string EscapedSpecials = "%&_#${}";
    private const string SymbolAccents = "\"'`^~=.";

    /// <summary>Appends the command starting at <paramref name="start"/> (a backslash); returns the index after it.</summary>
    public static int Append(string text, int start, StringBuilder output)
    {
        var i = start + 1;
        if (i >= text.Length)
        {
            return i; // a lone backslash at the end prints nothing
        }

        var c = text[i];
        if (EscapedSpecials.Contains(c, StringComparison.Ordinal))
        {
            output.Append(c);
            return i + 1;
        }

        if (SymbolAccents.Contains(c, StringComparison.Ordinal))
        {
            return AppendAccented(text, i + 1, TexAccents.CombiningMarks[c.ToString()], c, output);
        }

        switch (c)
        {
            case '\\' or ' ' or ';' or ':' or '\n' or '\r' or '\t':
                output.Append(' '); // forced line break or explicit space
                return i + 1;
            case ',' or '!' or '-' or '/':
                return i + 1; // thin or negative space, discretionary hyphen, italic correction
        }

        if (!char.IsAsciiLetter(c))
        {
            output.Append('\\').Append(c);
            return i + 1;
        }

        var end = i;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        var word = text[i..end];
        if (TexAccents.CombiningMarks.TryGetValue(word, out var mark) && word.Length == 1)
        {
            return AppendAccented(text, end, mark, null, output);
        }

        if (TexAccents.Letters.TryGetValue(word, out var letter))
        {
            output.Append(letter);
            return SkipSpaces(text, end);
        }

        if (TexAccents.TextStyles.Contains(word))
        {
            return SkipSpaces(text, end);
        }

        // Unknown macro (\alpha outside math, a paper's own \method): keep it visible rather than guess.
        output.Append(text, start, end - start);
        return end;
    }

    // Reads the accent's argument at i: {o}, {\i}, o, or " o" after a letter command (\c c).
    private static int AppendAccented(string text, int i, char mark, char? symbol, StringBuilder output)
    {
        var j = symbol is null ? SkipSpaces(text, i) : i;
        string? argument = null;
        if (TextCleaner.At(text, j, '{'))
        {
            var close = text.IndexOf('}', j + 1);
            if (close > j)
            {
                argument = text[(j + 1)..close].Trim();
                j = close + 1;
            }
        }
        else if (j < text.Length && char.IsLetter(text[j]))
        {
            argument = text[j].ToString();
            j++;
        }
        else if (TextCleaner.At(text, j, '\\') && j + 1 < text.Length && text[j + 1] is 'i' or 'j'
                 && (j + 2 >= text.Length || !char.IsAsciiLetter(text[j + 2])))
        {
            argument = text.Substring(j, 2);
            j += 2;
        }

        if (string.IsNullOrEmpty(argument))
        {
            // No letter to accent (\^ before a digit): print the symbol itself, lose nothing else.
            if (symbol is { } s)
            {
                output.Append(s);
            }

            return symbol is null ? i : j;
        }

        // A dotless i or j takes the accent in TeX (na\"{\i}ve); in Unicode the plain letter does.
        var baseLetter = argument is @"\i" or @"\j" ? argument[1].ToString() : argument[..1];
        var rest = argument is @"\i" or @"\j" ? "" : argument[1..];
        output.Append((baseLetter + mark).Normalize(NormalizationForm.FormC)).Append(rest);
        return j;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }
}
