using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Contracts;
using Paperboy.Application.Searching;

namespace Paperboy.Web.Api;

public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync);

    /// <summary>
    /// GET /api/search?q=&amp;limit=&amp;offset=: ranked papers with highlights. Paging arrives as
    /// text (<see cref="SearchPaging"/>) so that a bad value is a problem that names it. Any query
    /// text within the length limit is answered: the parser reads garbage as well as it can.
    /// </summary>
    private static async Task<Results<Ok<SearchResource>, ProblemHttpResult>> SearchAsync(
        string? q, string? limit, string? offset, PaperSearchService search, CancellationToken cancellationToken)
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
        var result = await search.SearchAsync(q ?? "", take, skip, cancellationToken);
        return TypedResults.Ok(SearchResource.From(result));
    }
}
