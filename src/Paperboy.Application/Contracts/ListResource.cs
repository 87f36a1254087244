using Paperboy.Application.Lists;
using Paperboy.Search;

namespace Paperboy.Application.Contracts;

/// <summary>
/// A page of a dated list or of the trending list (docs/API.md). Kind and period are null for trending;
/// previous and next are the slugs of the nearest periods with papers, or null.
/// </summary>
public sealed record ListResource(
    string? Kind,
    string? Period,
    DateOnly FirstDay,
    DateOnly LastDay,
    string Sort,
    string? Category,
    int Total,
    int Offset,
    IReadOnlyList<ListedPaperResource> Papers,
    IReadOnlyList<FacetValue> Categories,
    string? Previous,
    string? Next)
{
    public static ListResource From(PaperList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new ListResource(
            list.Period is { } period ? ListKindNames.Name(period.Kind) : null,
            list.Period?.Slug,
            list.From,
            list.To,
            ListSortNames.Name(list.Sort),
            list.Category,
            list.Total,
            list.Offset,
            list.Papers.Select(ListedPaperResource.From).ToList(),
            list.Categories,
            list.Previous?.Slug,
            list.Next?.Slug);
    }
}

/// <summary>A paper on a list: upvotes are imported plus local; trending is the score the trending order uses.</summary>
public sealed record ListedPaperResource(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    DateTimeOffset? Published,
    DateOnly Day,
    int Upvotes,
    bool IsNew,
    double Trending,
    bool HasCode,
    string Abstract)
{
    public static ListedPaperResource From(ListedPaper listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var paper = listed.Paper;
        return new ListedPaperResource(paper.Id, paper.Title, paper.Authors, paper.Categories, paper.Published, listed.Day,
            listed.Upvotes, listed.IsNew, listed.Trending, paper.CodeLinks.Count > 0, paper.Abstract);
    }
}
