using System.Text.RegularExpressions;

namespace Paperboy.Ingest.Sources;

/// <summary>
/// arXiv has no withdrawn flag in its metadata: a withdrawal is a new version whose abstract or comment says so
/// ("This paper has been withdrawn by the authors.", "withdrawn by the author due to ..."). See
/// https://info.arxiv.org/help/withdraw.html.
/// </summary>
internal static partial class WithdrawnNotice
{
    public static bool IsWithdrawn(string? abstractText, string? comments) => Says(abstractText) || Says(comments);

    // Both forms of the notice contain "withdrawn"; a vectorised search rules out almost every text before the regex runs.
    private static bool Says(string? text) =>
        text is not null && text.Contains("withdrawn", StringComparison.OrdinalIgnoreCase) && Notice().IsMatch(text);

    [GeneratedRegex(@"\b(?:paper|article|manuscript|submission|preprint|version)\s+(?:has\s+been|is|was)\s+withdrawn\b|\bwithdrawn\s+by\s+(?:the\s+)?(?:authors?|submitter|arxiv\s+admin)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notice();
}
