namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Splits text into lowercase words for vector lookup, without allocating: runs of letters and digits,
/// joined across a single inner hyphen or apostrophe (<c>state-of-the-art</c>, <c>don't</c>; the caller
/// tries the joined form and falls back to its parts). Abstracts carry LaTeX, so a TeX command
/// (<c>\alpha</c>, <c>\mathrm</c>) is dropped with its name, and <c>$ { } ^ _</c> only separate words.
/// Words longer than <see cref="MaxLength"/> (URLs, base64, hashes) are skipped: no vector has them.
/// </summary>
internal ref struct TextTokens
{
    public const int MaxLength = 64;

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;

    /// <param name="buffer">At least <see cref="MaxLength"/> chars; tokens are written into it.</param>
    public TextTokens(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _buffer = buffer;
    }

    /// <summary>The next word, lowercased; a view of the buffer valid until the next call.</summary>
    public bool MoveNext(out ReadOnlySpan<char> token)
    {
        var text = _text;
        var i = _position;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
                if (i < text.Length && char.IsLetter(text[i]))
                {
                    while (i < text.Length && char.IsLetter(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    i++; // \{, \%, \\ and the like: one escaped character
                }
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var length = 0;
            var tooLong = false;
            while (i < text.Length)
            {
                c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    if (length < MaxLength)
                    {
                        _buffer[length++] = char.ToLowerInvariant(c);
                    }
                    else
                    {
                        tooLong = true;
                    }
                    i++;
                }
                else if (IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && length > 0)
                {
                    if (length < MaxLength)
                    {
                        _buffer[length++] = c == '\u2019' ? '\'' : c;
                    }
                    i++;
                }
                else
                {
                    break;
                }
            }
            if (tooLong)
            {
                continue;
            }
            _position = i;
            token = _buffer[..length];
            return true;
        }
        _position = i;
        token = default;
        return false;
    }

    /// <summary>Whether a token holds a hyphen or apostrophe, so it may need splitting.</summary>
    public static bool IsJoiner(char c) => c is '-' or '\'' or '\u2019';
}
