using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Catalog;
using Paperboy.Application.Contracts;

namespace Paperboy.Web.Api;

public static class PaperEndpoints
{
    public static void MapPaperEndpoints(this RouteGroupBuilder api) =>
        // Catch-all: old arXiv ids contain a slash (hep-th/9901001).
        api.MapGet("/papers/{**id}", GetAsync);

    /// <summary>GET /api/papers/{id}: one paper by any form of its id.</summary>
    private static async Task<Results<Ok<PaperResource>, ProblemHttpResult>> GetAsync(
        string id, PaperCatalog catalog, CancellationToken cancellationToken)
    {
        var paper = await catalog.FindAsync(id, cancellationToken);
        return paper is null
            ? TypedResults.Problem($"no paper with id '{id}'", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(PaperResource.From(paper));
    }
}
