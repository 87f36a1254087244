using System.Globalization;
using System.Text;

namespace Paperboy.Search.Analysis;

/// <summary>
/// Case and accent folding: lower-case, then Unicode canonical decomposition (NFD) with the
/// combining marks dropped, so "Schrödinger" and "Schrodinger" are the same word. A few letters
/// that do not decompose are spelled out (ß -> ss, æ -> ae, ø -> o ...). Apostrophes are removed
/// ("o'brien" -> "obrien"). <see cref="Fold"/> has an ASCII fast path; <see cref="FoldReference"/>
/// is the plain version it must agree with.
/// </summary>
internal static class TextFolder
{
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (!Ascii.IsValid(word))
        {
            return FoldReference(word);
        }
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (c != '\'')
            {
                buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        }
        return new string(buffer[..length]);
    }

    public static string FoldReference(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            switch (c)
            {
                case '\'' or '\u2019':
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                case 'æ':
                    builder.Append("ae");
                    break;
                case 'œ':
                    builder.Append("oe");
                    break;
                case 'ø':
                    builder.Append('o');
                    break;
                case 'ł':
                    builder.Append('l');
                    break;
                case 'đ' or 'ð':
                    builder.Append('d');
                    break;
                case 'þ':
                    builder.Append("th");
                    break;
                case 'ı':
                    builder.Append('i');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
