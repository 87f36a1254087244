using System.Globalization;
using System.Text;

namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// Hugging Face's BertNormalizer, step for step and in its order: clean (drop NUL, U+FFFD and
/// control characters; any whitespace becomes a space), pad CJK ideographs with spaces, strip accents
/// (NFD, then drop nonspacing marks), lowercase one character at a time.
/// </summary>
internal sealed class BertTextNormalizer(BertNormalizerSettings settings)
{
    private const char ReplacementCharacter = '\uFFFD';

    [ThreadStatic] private static CharBuffer? s_cleaned;

    public BertNormalizerSettings Settings { get; } = settings;

    public void Normalize(ReadOnlySpan<char> text, CharBuffer output)
    {
        output.Clear();
        if (Ascii.IsValid(text))
        {
            NormalizeAscii(text, output);
            return;
        }
        var cleaned = s_cleaned ??= new CharBuffer();
        cleaned.Clear();
        CleanAndPadChinese(text, cleaned);
        if (Settings.StripAccents)
        {
            // The only allocation, and only for non-ASCII text: .NET normalizes strings, not spans.
            var decomposed = new string(cleaned.Span).Normalize(NormalizationForm.FormD);
            StripMarksAndLowercase(decomposed, output);
        }
        else
        {
            StripMarksAndLowercase(cleaned.Span, output);
        }
    }

    private void NormalizeAscii(ReadOnlySpan<char> text, CharBuffer output)
    {
        output.EnsureRoom(text.Length);
        foreach (var c in text)
        {
            if (Settings.CleanText)
            {
                if (c is '\t' or '\n' or '\r' or ' ')
                {
                    output.AppendUnchecked(' ');
                    continue;
                }
                // NUL, the other C0 controls (\v and \f included: control wins over whitespace) and DEL.
                if (c < ' ' || c == '\x7F')
                    continue;
            }
            output.AppendUnchecked(Settings.Lowercase && c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c);
        }
    }

    private void CleanAndPadChinese(ReadOnlySpan<char> text, CharBuffer output)
    {
        while (!text.IsEmpty)
        {
            // A lone surrogate decodes as U+FFFD, which cleaning drops: the Rust original never sees one.
            Rune.DecodeFromUtf16(text, out var rune, out var consumed);
            text = text[consumed..];
            if (Settings.CleanText)
            {
                if (rune.Value is 0 or ReplacementCharacter || BertCharacterClasses.IsControl(rune))
                    continue;
                if (BertCharacterClasses.IsWhitespace(rune))
                {
                    output.Append(' ');
                    continue;
                }
            }
            if (Settings.HandleChineseCharacters && BertCharacterClasses.IsChineseCharacter(rune.Value))
            {
                output.Append(' ');
                output.Append(rune);
                output.Append(' ');
                continue;
            }
            output.Append(rune);
        }
    }

    private void StripMarksAndLowercase(ReadOnlySpan<char> text, CharBuffer output)
    {
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf16(text, out var rune, out var consumed);
            text = text[consumed..];
            if (Settings.StripAccents && Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
                continue;
            if (!Settings.Lowercase)
            {
                output.Append(rune);
                continue;
            }
            // Rust lowercases U+0130 to "i" plus a combining dot; .NET's simple mapping gives "i" alone.
            if (rune.Value == 0x130)
            {
                output.Append('i');
                output.Append('\u0307');
                continue;
            }
            output.Append(Rune.ToLowerInvariant(rune));
        }
    }
}
