using Paperboy.Search;

namespace Paperboy.Application.Lists;

/// <summary>
/// One page of a list of papers listed from <see cref="From"/> to <see cref="To"/>: the papers in the
/// asked order, how many the list holds (after the category filter), and how many papers each category
/// has over the whole period (before the filter, so every category stays reachable).
/// </summary>
public sealed record PaperList(
    DateOnly From,
    DateOnly To,
    ListSort Sort,
    string? Category,
    int Total,
    int Offset,
    IReadOnlyList<ListedPaper> Papers,
    IReadOnlyList<FacetValue> Categories)
{
    /// <summary>The daily, weekly or monthly period shown; null for the trending list.</summary>
    public ListPeriod? Period { get; init; }

    /// <summary>The nearest earlier period of the same kind that has papers, or null.</summary>
    public ListPeriod? Previous { get; init; }

    /// <summary>The nearest later period of the same kind that has papers, or null.</summary>
    public ListPeriod? Next { get; init; }
}
