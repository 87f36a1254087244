using System.Text.RegularExpressions;

namespace Paperboy.Application.Library;

/// <summary>The rules for what readers type into a library: tags and notes. Both are shown escaped, never as markup.</summary>
public static partial class LibraryInput
{
    public const int MaxTagLength = 50;
    public const int MaxNoteLength = 10_000;
    public const int MaxImportIds = 1_000;

    /// <summary>A tag: trimmed, inner runs of spaces made one, no control characters, 1 to 50 characters.</summary>
    public static bool TryTag(string? input, out string tag, out string error)
    {
        tag = Spaces().Replace((input ?? "").Trim(), " ");
        error = tag.Length == 0 ? "a tag must not be empty"
            : tag.Length > MaxTagLength ? $"a tag may have at most {MaxTagLength} characters"
            : tag.Any(char.IsControl) ? "a tag must not contain control characters"
            : "";
        return error.Length == 0;
    }

    /// <summary>A note: line ends made \n, at most 10,000 characters, no control characters but tabs and line ends.</summary>
    public static bool TryNote(string? input, out string note, out string error)
    {
        note = (input ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        error = note.Length > MaxNoteLength ? $"a note may have at most {MaxNoteLength:N0} characters"
            : note.Any(c => char.IsControl(c) && c is not '\n' and not '\t') ? "a note must not contain control characters"
            : "";
        return error.Length == 0;
    }

    /// <summary>Splits a pasted list or uploaded file of ids on white space, commas and semicolons.</summary>
    public static IReadOnlyList<string> SplitIds(string? text) =>
        IdSeparators().Split(text ?? "").Where(part => part.Length > 0).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex IdSeparators();
}
