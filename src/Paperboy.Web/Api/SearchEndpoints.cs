using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Contracts;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;

namespace Paperboy.Web.Api;

public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync);

    /// <summary>
    /// GET /api/search?q=&amp;limit=&amp;offset=&amp;sort=&amp;facets=&amp;mode=: ranked papers with highlights,
    /// ordered by relevance (default), newest or upvotes, with category and year counts when
    /// <c>facets=true</c>; ranked by keyword, semantic or hybrid (<c>mode</c>; by default hybrid once
    /// papers are embedded). Paging arrives as
    /// text (<see cref="SearchPaging"/>) so that a bad value is a problem that names it. Any query
    /// text within the length limit is answered: the parser reads garbage as well as it can.
    /// </summary>
    private static async Task<Results<Ok<SearchResource>, ProblemHttpResult>> SearchAsync(
        string? q, string? limit, string? offset, string? sort, string? facets, string? mode, PaperSearchService search, CancellationToken cancellationToken)
    {
        var (take, skip, problem) = SearchPaging.Read(limit, offset);
        if (problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }
        if ((q ?? "").Length > PaperSearchService.MaxQueryLength)
        {
            return TypedResults.Problem($"the query may have at most {PaperSearchService.MaxQueryLength} characters", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!SearchSortNames.TryParse(sort, out var order))
        {
            return TypedResults.Problem($"sort must be one of {string.Join(", ", SearchSortNames.All)}", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!TryReadFlag(facets, out var withFacets))
        {
            return TypedResults.Problem("facets must be true or false", statusCode: StatusCodes.Status400BadRequest);
        }
        if (!SearchModeNames.TryParse(mode, out var ranking))
        {
            return TypedResults.Problem($"mode must be one of {string.Join(", ", SearchModeNames.All)}", statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await search.SearchAsync(q ?? "", take, skip, order, withFacets, ranking, cancellationToken);
        return TypedResults.Ok(SearchResource.From(result));
    }

    private static bool TryReadFlag(string? value, out bool flag)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0":
                flag = false;
                return true;
            case "true" or "1":
                flag = true;
                return true;
            default:
                flag = false;
                return false;
        }
    }
}
