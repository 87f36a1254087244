using Paperboy.Application.Lists;

namespace Paperboy.Web.Rendering;

/// <summary>
/// URLs of pages, in one place. Ids are escaped segment by segment: old arXiv ids keep their slash,
/// and ':' stays readable (RFC 3986 allows it in a path segment), so title ids read as /papers/title:1a2b...
/// </summary>
public static class Paths
{
    public static string Paper(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return "/papers/" + string.Join('/', id.Split('/').Select(segment => Uri.EscapeDataString(segment).Replace("%3A", ":", StringComparison.Ordinal)));
    }

    public static string BibTex(string id) => Paper(id) + "/bibtex";

    public static string Search(string query, int page = 1) =>
        page <= 1 ? $"/search?q={Uri.EscapeDataString(query)}" : $"/search?q={Uri.EscapeDataString(query)}&page={page}";

    /// <summary>A dated list; the default order (trending), no category and page 1 are left out of the URL.</summary>
    public static string List(ListPeriod period, ListSort sort = ListSort.Trending, string? category = null, int page = 1) =>
        WithQuery($"/papers/{ListKindNames.Name(period.Kind)}/{period.Slug}", sort, category, page);

    public static string Trending(ListSort sort = ListSort.Trending, string? category = null, int page = 1) =>
        WithQuery("/trending", sort, category, page);

    public static string Author(string name, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(name);
        string path = "/authors/" + Uri.EscapeDataString(name);
        return page <= 1 ? path : $"{path}?page={page}";
    }

    public static string Category(string category, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(category);
        string path = "/categories/" + Uri.EscapeDataString(category);
        return page <= 1 ? path : $"{path}?page={page}";
    }

    public static string AuthorFeed(string name) => "/feeds/authors/" + Uri.EscapeDataString(name) + ".atom";

    public static string CategoryFeed(string category) => "/feeds/categories/" + Uri.EscapeDataString(category) + ".atom";

    public static string SearchFeed(string query) => "/feeds/search.atom?q=" + Uri.EscapeDataString(query);

    /// <summary>
    /// A route value as typed: the server decodes every escape in a path segment except %2F (it would
    /// change where the segment ends), so a name holding a slash arrives with %2F still in it.
    /// </summary>
    public static string RouteValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }

    public const string DailyFeed = "/feeds/daily.atom";

    public const string TrendingFeed = "/feeds/trending.atom";

    private static string WithQuery(string path, ListSort sort, string? category, int page)
    {
        var query = new List<string>();
        if (sort != ListSort.Trending)
        {
            query.Add("sort=" + ListSortNames.Name(sort));
        }
        if (!string.IsNullOrEmpty(category))
        {
            query.Add("category=" + Uri.EscapeDataString(category));
        }
        if (page > 1)
        {
            query.Add($"page={page}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }
}
