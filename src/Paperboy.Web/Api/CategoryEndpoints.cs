using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Browsing;
using Paperboy.Application.Contracts;

namespace Paperboy.Web.Api;

public static class CategoryEndpoints
{
    public const int MaxCategories = 500;

    public static void MapCategoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/categories", ListAsync);
        api.MapGet("/categories/{category}", GetAsync);
    }

    /// <summary>GET /api/categories: every category with its number of papers, most first.</summary>
    private static async Task<Ok<CategoriesResource>> ListAsync(BrowseService browse, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CategoriesResource(await browse.CategoriesAsync(MaxCategories, cancellationToken)));

    /// <summary>GET /api/categories/{category}?limit=&amp;offset=: the category's papers, newest first.</summary>
    private static async Task<Results<Ok<SearchResource>, ProblemHttpResult>> GetAsync(
        string category, string? limit, string? offset, BrowseService browse, CancellationToken cancellationToken)
    {
        var (take, skip, problem) = SearchPaging.Read(limit, offset);
        if (problem is not null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await browse.CategoryAsync(category, skip, take, cancellationToken);
        return result is null || result.TotalMatches == 0
            ? TypedResults.Problem($"no papers in category '{category}'", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(SearchResource.From(result));
    }
}
