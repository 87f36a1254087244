using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Contracts;
using Paperboy.Application.Searching;

namespace Paperboy.Web.Api;

public static class SearchEndpoints
{
    public const int MaxLimit = 100;

    public static void MapSearchEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync);

    /// <summary>GET /api/search?q=&amp;limit=&amp;offset=: ranked papers with highlights.</summary>
    private static async Task<Results<Ok<SearchResource>, ProblemHttpResult>> SearchAsync(
        string? q, int? limit, int? offset, PaperSearchService search, CancellationToken cancellationToken)
    {
        int take = limit ?? 10;
        int skip = offset ?? 0;
        if (take is < 1 or > MaxLimit || skip < 0)
        {
            return TypedResults.Problem($"limit must be 1 to {MaxLimit} and offset 0 or more", statusCode: StatusCodes.Status400BadRequest);
        }
        if ((q ?? "").Length > PaperSearchService.MaxQueryLength)
        {
            return TypedResults.Problem($"the query may have at most {PaperSearchService.MaxQueryLength} characters", statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await search.SearchAsync(q ?? "", take, skip, cancellationToken);
        return TypedResults.Ok(SearchResource.From(result));
    }
}
