using Paperboy.Application.Browsing;
using Paperboy.Application.Lists;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Feeds;

/// <summary>
/// Atom feeds (RFC 4287) of the daily and trending lists, a category, an author and any search, each
/// the first <see cref="Entries"/> papers of the page it mirrors. Feeds are not part of the JSON API,
/// so they stay out of the OpenAPI document.
/// </summary>
public static class FeedEndpoints
{
    public const int Entries = 50;

    public static void MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/feeds").ExcludeFromDescription();
        feeds.MapGet("/daily.atom", DailyAsync);
        feeds.MapGet("/trending.atom", TrendingAsync);
        feeds.MapGet("/categories/{category}.atom", CategoryAsync);
        feeds.MapGet("/authors/{name}.atom", AuthorAsync);
        feeds.MapGet("/search.atom", SearchAsync);
    }

    private static async Task<IResult> DailyAsync(HttpContext context, PaperListService lists, TimeProvider time, CancellationToken cancellationToken)
    {
        var list = await lists.LatestAsync(ListKind.Daily, new ListQuery(ListSort.Trending, null, 0, Entries), cancellationToken);
        string page = list?.Period is { } period ? Paths.List(period) : "/";
        return Atom(context, time, new AtomFeed(
            list?.Period is { } shown ? $"Paperboy: daily papers, {shown.Title}" : "Paperboy: daily papers",
            page, Paths.DailyFeed, list?.Papers.Select(p => p.Paper).ToList() ?? []));
    }

    private static async Task<IResult> TrendingAsync(HttpContext context, PaperListService lists, TimeProvider time, CancellationToken cancellationToken)
    {
        var list = await lists.TrendingAsync(new ListQuery(ListSort.Trending, null, 0, Entries), cancellationToken);
        return Atom(context, time, new AtomFeed("Paperboy: trending papers", Paths.Trending(), Paths.TrendingFeed, list.Papers.Select(p => p.Paper).ToList()));
    }

    private static async Task<IResult> CategoryAsync(string category, HttpContext context, BrowseService browse, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await browse.CategoryAsync(category, 0, Entries, cancellationToken);
        return result is null
            ? Results.Problem($"'{category}' is not a category name", statusCode: StatusCodes.Status404NotFound)
            : Atom(context, time, new AtomFeed($"Paperboy: new in {category}", Paths.Category(category), Paths.CategoryFeed(category), Papers(result)));
    }

    private static async Task<IResult> AuthorAsync(string name, HttpContext context, BrowseService browse, TimeProvider time, CancellationToken cancellationToken)
    {
        name = Paths.RouteValue(name);
        var result = await browse.AuthorAsync(name, 0, Entries, cancellationToken);
        return result is null
            ? Results.Problem($"'{name}' is not an author name", statusCode: StatusCodes.Status404NotFound)
            : Atom(context, time, new AtomFeed($"Paperboy: papers by {name}", Paths.Author(name), Paths.AuthorFeed(name), Papers(result)));
    }

    /// <summary>The newest matches by default, so new papers come first; ?sort= as the search API takes it.</summary>
    private static async Task<IResult> SearchAsync(string? q, string? sort, HttpContext context, PaperSearchService search, TimeProvider time, CancellationToken cancellationToken)
    {
        string query = (q ?? "").Trim();
        if (query.Length is 0 or > PaperSearchService.MaxQueryLength)
        {
            return Results.Problem($"q must hold a query of 1 to {PaperSearchService.MaxQueryLength} characters", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!SearchSortNames.TryParse(string.IsNullOrWhiteSpace(sort) ? "newest" : sort, out var order))
        {
            return Results.Problem($"sort must be one of {string.Join(", ", SearchSortNames.All)}", statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await search.SearchAsync(query, Entries, 0, order, facets: false, cancellationToken);
        return Atom(context, time, new AtomFeed($"Paperboy: search for {query}", Paths.Search(query), Paths.SearchFeed(query), Papers(result)));
    }

    private static List<Paper> Papers(PaperSearchResult result) => result.Hits.Select(h => h.Paper).ToList();

    private static IResult Atom(HttpContext context, TimeProvider time, AtomFeed feed)
    {
        var origin = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
        return Results.Bytes(AtomWriter.Write(feed, origin, time.GetUtcNow()), AtomWriter.ContentType);
    }
}
