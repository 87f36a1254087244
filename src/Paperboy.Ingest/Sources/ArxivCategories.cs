using System.Text.RegularExpressions;

namespace Paperboy.Ingest.Sources;

/// <summary>
/// Tells arXiv category names (<c>cs.LG</c>, <c>hep-th</c>, <c>cond-mat.str-el</c>, <c>astro-ph</c>) from the
/// other classification codes authors put beside them in the same field: MSC (<c>53C</c>, <c>03B70, 68Q99</c>)
/// and ACM CCS (<c>F.4.1; F.4.m</c>). See https://arxiv.org/category_taxonomy.
/// </summary>
internal static partial class ArxivCategories
{
    public static bool IsCategory(string? term) => term is not null && CategoryName().IsMatch(term);

    /// <summary>The primary category first, then the others in source order; codes that are not arXiv categories and repeats dropped.</summary>
    public static List<string> PrimaryFirst(string? primary, IEnumerable<string?> others)
    {
        var ordered = new List<string>();
        foreach (var term in others.Prepend(primary))
        {
            var name = term?.Trim();
            if (IsCategory(name) && !ordered.Contains(name!, StringComparer.Ordinal))
            {
                ordered.Add(name!);
            }
        }

        return ordered;
    }

    // An archive in lower case letters and hyphens, optionally a dot and a subject class of letters and hyphens.
    // Codes with digits (MSC), commas or upper-case archives (ACM "F.4.1") never match.
    [GeneratedRegex(@"^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryName();
}
