using System.Globalization;
using System.Text;

namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// BERT's character classes, as Hugging Face tokenizers defines them (normalizers/bert.rs and
/// pre_tokenizers/bert.rs), so that our splits match theirs character for character.
/// </summary>
internal static class BertCharacterClasses
{
    /// <summary>Tab, newline and carriage return are Cc but count as whitespace, not control.</summary>
    public static bool IsControl(Rune rune)
    {
        if (rune.Value is '\t' or '\n' or '\r')
            return false;
        // Rust's unicode "is_other": Cc, Cf, Cn, Co, Cs. This also drops zero-width joiners and
        // emoji tag characters, which is why they vanish before WordPiece ever sees them.
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
    }

    /// <summary>The Unicode White_Space property (Rust's char::is_whitespace), the same set .NET uses.</summary>
    public static bool IsWhitespace(Rune rune) => Rune.IsWhiteSpace(rune);

    /// <summary>
    /// BERT counts every non-alphanumeric ASCII symbol as punctuation ($, +, ^, ` and friends are
    /// symbols to Unicode), and every Unicode P* character.
    /// </summary>
    public static bool IsPunctuation(Rune rune)
    {
        var value = rune.Value;
        if (value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
            return true;
        return value >= 128 && Rune.IsPunctuation(rune);
    }

    /// <summary>The CJK Unified Ideograph blocks BERT pads with spaces (not Hangul, kana or CJK punctuation).</summary>
    public static bool IsChineseCharacter(int value) =>
        value is (>= 0x4E00 and <= 0x9FFF)
            or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F)
            or (>= 0x2B920 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x2F800 and <= 0x2FA1F);
}
