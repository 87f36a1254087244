using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Browsing;
using Paperboy.Application.Contracts;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Api;

public static class AuthorEndpoints
{
    public static void MapAuthorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/authors", ListAsync);
        api.MapGet("/authors/{name}", GetAsync);
    }

    /// <summary>GET /api/authors?q=&amp;limit=: author names holding q, with how many of the best matches each wrote.</summary>
    private static async Task<Results<Ok<AuthorsResource>, ProblemHttpResult>> ListAsync(
        string? q, int? limit, BrowseService browse, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return TypedResults.Problem("q must hold part of a name, at most 200 characters", statusCode: StatusCodes.Status400BadRequest);
        }
        int take = Math.Clamp(limit ?? 20, 1, 100);
        return TypedResults.Ok(new AuthorsResource(q.Trim(), await browse.AuthorsAsync(q, take, cancellationToken)));
    }

    /// <summary>GET /api/authors/{name}?limit=&amp;offset=: the author's papers, newest first, with category counts.</summary>
    private static async Task<Results<Ok<SearchResource>, ProblemHttpResult>> GetAsync(
        string name, string? limit, string? offset, BrowseService browse, CancellationToken cancellationToken)
    {
        var (take, skip, problem) = SearchPaging.Read(limit, offset);
        if (problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }
        name = Paths.RouteValue(name);
        var result = await browse.AuthorAsync(name, skip, take, cancellationToken);
        return result is null || result.TotalMatches == 0
            ? TypedResults.Problem($"no papers by '{name}'", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(SearchResource.From(result));
    }
}
