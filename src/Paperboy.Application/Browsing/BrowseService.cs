using Paperboy.Application.Catalog;
using Paperboy.Application.Lists;
using Paperboy.Application.Searching;
using Paperboy.Search;

namespace Paperboy.Application.Browsing;

/// <summary>
/// Author and category pages: their papers newest first through the search index, which holds both
/// as exact filters or fields, so a page costs a ranked lookup and never a scan of the store.
/// </summary>
public sealed class BrowseService(PaperSearchService search, PaperCatalog catalog, SimilarPapers similar, PaperListService lists)
{
    /// <summary>How many of the best matches of a name <see cref="AuthorsAsync"/> reads names from.</summary>
    public const int AuthorLookupDepth = 200;

    /// <summary>
    /// An author's papers, newest first, with category counts. The name is matched as a phrase in the
    /// authors field (case and accents folded; a phrase never spans two authors), so "Jane Doe" also finds
    /// "Mary Jane Doe". Null for a name with no letters or digits.
    /// </summary>
    public async Task<PaperSearchResult?> AuthorAsync(string name, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = AuthorQuery(name);
        return query is null ? null : await search.SearchAsync(query, limit, offset, SearchSort.Newest, facets: true, cancellationToken);
    }

    /// <summary>A category's papers, newest first; null for a name that cannot be a category.</summary>
    public async Task<PaperSearchResult?> CategoryAsync(string category, int offset, int limit, CancellationToken cancellationToken) =>
        SearchFilters.IsCategoryName(category)
            ? await search.SearchAsync($"cat:{category}", limit, offset, SearchSort.Newest, facets: false, cancellationToken)
            : null;

    /// <summary>
    /// A category's page: its papers newest first and, on the first page, the best
    /// <paramref name="trending"/> of its trending list. Null for a category without papers.
    /// </summary>
    public async Task<CategoryPage?> CategoryPageAsync(string category, int offset, int limit, int trending, CancellationToken cancellationToken)
    {
        var papers = await CategoryAsync(category, offset, limit, cancellationToken);
        if (papers is null || papers.TotalMatches == 0)
        {
            return null;
        }
        var top = offset == 0 && trending > 0
            ? await lists.TrendingAsync(new ListQuery(ListSort.Trending, category, 0, trending), cancellationToken)
            : null;
        return new CategoryPage(papers, top);
    }

    /// <summary>A paper with its most similar papers (<see cref="SimilarPapers"/>); null when no paper has the id.</summary>
    public async Task<PaperPage?> PaperAsync(string id, int similarCount, CancellationToken cancellationToken)
    {
        var paper = await catalog.FindAsync(id, cancellationToken);
        if (paper is null)
        {
            return null;
        }
        var related = similarCount > 0 ? await similar.FindAsync(paper, similarCount, cancellationToken) : [];
        return new PaperPage(paper, related);
    }

    /// <summary>Every category with its number of papers, most first.</summary>
    public async Task<IReadOnlyList<FacetValue>> CategoriesAsync(int max, CancellationToken cancellationToken) =>
        (await search.CategoryCountsAsync(max, cancellationToken)).Select(c => c with { Value = CategoryNames.Display(c.Value) }).ToList();

    /// <summary>
    /// Author names holding <paramref name="text"/> (case-insensitive) among the authors of the best
    /// <see cref="AuthorLookupDepth"/> matches of it in the authors field, with how many of those papers
    /// each wrote, most first.
    /// </summary>
    public async Task<IReadOnlyList<AuthorCount>> AuthorsAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var query = AuthorQuery(text);
        if (query is null)
        {
            return [];
        }
        var result = await search.SearchAsync(query, AuthorLookupDepth, 0, SearchSort.Relevance, facets: false, cancellationToken);
        string wanted = text.Trim();
        return result.Hits
            .SelectMany(h => h.Paper.Authors.Distinct(StringComparer.Ordinal))
            .Where(a => a.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .GroupBy(a => a, StringComparer.Ordinal)
            .Select(g => new AuthorCount(g.Key, g.Count()))
            .OrderByDescending(a => a.Papers)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    // Quotes would end the phrase early; the rest of a name is the phrase.
    private static string? AuthorQuery(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string phrase = name.Replace('"', ' ').Trim();
        return phrase.Any(char.IsLetterOrDigit) ? $"author:\"{phrase}\"" : null;
    }
}
