using System.Buffers;
using System.Globalization;
using System.Text;

namespace Paperboy.Search.Analysis;

/// <summary>
/// Splits text into words: maximal runs of letters, digits and combining marks of any script.
/// Everything else (spaces, punctuation, hyphens, symbols) separates words, so "gpt-4" is the
/// two words "gpt" and "4"; the query parser turns such a word into a phrase, which finds it again.
/// An apostrophe between two letters stays inside the word ("o'brien", "don't") and is removed by
/// folding. Han, Hiragana and Katakana characters are one word each, because those scripts do
/// not separate words with spaces.
/// </summary>
internal static class Tokenizer
{
    // Longer runs are identifiers, hashes or base64, never words a person searches for.
    public const int MaxTokenLength = 64;

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>
    /// Replaces the contents of <paramref name="tokens"/> with the words of the text, so an indexer
    /// can reuse one list. ASCII letters and digits are decided without decoding a rune or looking up
    /// a Unicode category (most of a paper's text is ASCII); every other char takes the rune path of
    /// <see cref="TokenizeReference"/>, which this must agree with.
    /// </summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        tokens.Clear();
        var position = 0;
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (start < 0)
                    {
                        start = i;
                    }
                }
                else if (start < 0 || !IsInnerApostrophe(text, i))
                {
                    Flush(text, ref start, i, tokens, ref position);
                }
                i++;
                continue;
            }
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }
            if (IsIdeograph(rune))
            {
                Flush(text, ref start, i, tokens, ref position);
                tokens.Add(new Token(i, i + width, position++));
            }
            else if (IsWordRune(rune, start >= 0) || (start >= 0 && IsInnerApostrophe(text, i)))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else
            {
                Flush(text, ref start, i, tokens, ref position);
            }
            i += width;
        }
        Flush(text, ref start, text.Length, tokens, ref position);
    }

    /// <summary>The plain version <see cref="Tokenize(string, List{Token})"/> must agree with: every char decoded as a rune.</summary>
    public static List<Token> TokenizeReference(string text)
    {
        var tokens = new List<Token>();
        var position = 0;
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }
            if (IsIdeograph(rune))
            {
                Flush(text, ref start, i, tokens, ref position);
                tokens.Add(new Token(i, i + width, position++));
            }
            else if (IsWordRune(rune, start >= 0) || (start >= 0 && IsInnerApostrophe(text, i)))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else
            {
                Flush(text, ref start, i, tokens, ref position);
            }
            i += width;
        }
        Flush(text, ref start, text.Length, tokens, ref position);
        return tokens;
    }

    private static void Flush(string text, ref int start, int end, List<Token> tokens, ref int position)
    {
        if (start < 0)
        {
            return;
        }
        if (end - start <= MaxTokenLength)
        {
            tokens.Add(new Token(start, end, position++));
        }
        start = -1;
    }

    private static bool IsWordRune(Rune rune, bool inWord)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            // Combining marks belong to the letter before them (decomposed "é" is "e" + U+0301).
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => inWord,
            _ => false,
        };
    }

    private static bool IsInnerApostrophe(string text, int i) =>
        text[i] is '\'' or '\u2019'
        && i > 0 && char.IsLetter(text[i - 1])
        && i + 1 < text.Length && char.IsLetter(text[i + 1]);

    private static bool IsIdeograph(Rune rune)
    {
        var v = rune.Value;
        return v is (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0xF900 and <= 0xFAFF) // CJK compatibility ideographs
            or (>= 0x20000 and <= 0x2FA1F); // CJK extensions B and later
    }
}
