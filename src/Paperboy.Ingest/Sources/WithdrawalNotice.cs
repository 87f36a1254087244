using System.Text.RegularExpressions;

namespace Paperboy.Ingest.Sources;

/// <summary>Recognises arXiv's withdrawal notices, which replace the abstract of a withdrawn paper.</summary>
internal static partial class WithdrawalNotice
{
    public static bool IsWithdrawn(string? text) => !string.IsNullOrEmpty(text) && Notice().IsMatch(text);

    // The wordings arXiv uses: "This paper has been withdrawn by the authors.", "withdrawn by the author due to ...",
    // "This submission has been withdrawn by arXiv administrators". Same rule as the Kaggle mapper.
    [GeneratedRegex(@"\b(?:paper|article|manuscript|submission|preprint|version)\s+(?:has\s+been|is|was)\s+withdrawn\b|\bwithdrawn\s+by\s+(?:the\s+)?(?:authors?|submitter|arxiv\s+admin)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notice();
}
