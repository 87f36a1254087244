using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Browsing;
using Paperboy.Application.Contracts;

namespace Paperboy.Web.Api;

public static class SimilarEndpoints
{
    public const int MaxLimit = 50;

    public static void MapSimilarEndpoints(this RouteGroupBuilder api) =>
        // Catch-all: old arXiv ids contain a slash (hep-th/9901001).
        api.MapGet("/similar/{**id}", GetAsync);

    /// <summary>GET /api/similar/{id}?limit=: the papers most like one paper (lexical more-like-this).</summary>
    private static async Task<Results<Ok<SimilarResource>, ProblemHttpResult>> GetAsync(
        string id, int? limit, BrowseService browse, CancellationToken cancellationToken)
    {
        int take = limit ?? 10;
        if (take is < 1 or > MaxLimit)
        {
            return TypedResults.Problem($"limit must be a whole number from 1 to {MaxLimit}", statusCode: StatusCodes.Status400BadRequest);
        }
        var page = await browse.PaperAsync(id, take, cancellationToken);
        return page is null
            ? TypedResults.Problem($"no paper with id '{id}'", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new SimilarResource(page.Paper.Id, page.Similar.Select(SearchHitResource.From).ToList()));
    }
}
