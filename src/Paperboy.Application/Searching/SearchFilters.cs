using System.Globalization;
using System.Text.RegularExpressions;

namespace Paperboy.Application.Searching;

/// <summary>
/// The search page's filters, written into the query in the query syntax (docs/SEARCH.md), so the
/// index checks them while it ranks and counts and every page, total and facet stays exact:
/// a category is <c>cat:</c>, a date range <c>date:from..to</c> over the first version's date, and
/// "has code" one of two reserved categories every paper carries in the index
/// (<see cref="PaperSearchService.HasCodeCategory"/>, <see cref="PaperSearchService.NoCodeCategory"/>).
/// </summary>
public sealed partial record SearchFilters(string? Category = null, DateOnly? From = null, DateOnly? To = null, bool HasCode = false)
{
    public static SearchFilters None { get; } = new();

    public bool IsEmpty => Category is null && From is null && To is null && !HasCode;

    /// <summary>True for a name that can be an arXiv category (cs.LG, hep-th, math.AG): letters, digits, dots and hyphens.</summary>
    public static bool IsCategoryName(string? text) => text is { Length: > 0 and <= 40 } && CategoryName().IsMatch(text);

    /// <summary>The query with the filters appended; the query itself is kept as typed.</summary>
    public string Apply(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        if (query.Trim().Length > 0)
        {
            parts.Add(query.Trim());
        }
        if (IsCategoryName(Category))
        {
            parts.Add($"cat:{Category}");
        }
        if (From is not null || To is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"date:{From:yyyy-MM-dd}..{To:yyyy-MM-dd}"));
        }
        if (HasCode)
        {
            // Several cat: filters mean any of them, so "has code" beside another filter is the exclusion of
            // "no code", which holds with it; alone, an exclusion would match nothing, so it is the inclusion.
            parts.Add(parts.Count == 0 ? $"cat:{PaperSearchService.HasCodeCategory}" : $"-cat:{PaperSearchService.NoCodeCategory}");
        }
        return string.Join(' ', parts);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9.\-]*$")]
    private static partial Regex CategoryName();
}
