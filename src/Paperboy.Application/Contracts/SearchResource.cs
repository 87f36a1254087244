using Paperboy.Application.Searching;
using Paperboy.Search;

namespace Paperboy.Application.Contracts;

/// <summary>
/// A page of search results as the JSON API and `paperboy search --json` give it. Sort is
/// "relevance", "newest" or "upvotes"; mode "keyword", "semantic" or "hybrid" (how it was ranked),
/// with a notice when the mode asked for could not be used; facets are null unless asked for. Total
/// is exact unless <see cref="TotalIsLowerBound"/>: the search stopped counting at 10,000.
/// </summary>
public sealed record SearchResource(string Query, int Total, int Offset, string Sort, IReadOnlyList<SearchHitResource> Hits, FacetsResource? Facets)
{
    public bool TotalIsLowerBound { get; init; }

    public string Mode { get; init; } = "keyword";

    public string? Notice { get; init; }

    public static SearchResource From(PaperSearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SearchResource(result.Query, result.TotalMatches, result.Offset, SearchSortNames.Name(result.Sort),
            result.Hits.Select(SearchHitResource.From).ToList(), result.Facets is { } facets ? FacetsResource.From(facets) : null)
        {
            TotalIsLowerBound = result.TotalIsLowerBound,
            Mode = Semantic.SearchModeNames.Name(result.Mode),
            Notice = result.Notice,
        };
    }
}

/// <summary>Match counts per category and per year over the whole result set.</summary>
public sealed record FacetsResource(IReadOnlyList<FacetValue> Categories, IReadOnlyList<FacetValue> Years)
{
    public static FacetsResource From(FacetCounts counts) => new(counts.Categories, counts.Years);
}

/// <summary>
/// One hit. Highlights are lists of text parts with a match flag, never HTML, so every client
/// escapes for its own medium. Match says why it is there: "words", "meaning" or "words and meaning".
/// </summary>
public sealed record SearchHitResource(
    string Id,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    DateTimeOffset? Published,
    float Score,
    string Snippet,
    IReadOnlyList<HighlightPart> TitleHighlight,
    IReadOnlyList<HighlightPart> SnippetHighlight)
{
    public string Match { get; init; } = "words";

    public static SearchHitResource From(PaperHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new SearchHitResource(
            hit.Paper.Id, hit.Paper.Title, hit.Paper.Authors, hit.Paper.Categories, hit.Paper.Published, hit.Score,
            string.Concat(hit.Abstract.Parts.Select(p => p.Text)),
            Parts(hit.Title), Parts(hit.Abstract))
        {
            Match = MatchName(hit.Match),
        };
    }

    public static string MatchName(SearchMatch match) => match switch
    {
        SearchMatch.Meaning => "meaning",
        SearchMatch.WordsAndMeaning => "words and meaning",
        _ => "words",
    };

    private static List<HighlightPart> Parts(Snippet snippet) => snippet.Parts.Select(p => new HighlightPart(p.Text, p.IsMatch)).ToList();
}

public sealed record HighlightPart(string Text, bool Match);
