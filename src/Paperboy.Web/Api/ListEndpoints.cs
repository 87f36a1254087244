using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Contracts;
using Paperboy.Application.Lists;

namespace Paperboy.Web.Api;

public static class ListEndpoints
{
    public static void MapListEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/lists/{kind}", LatestAsync);
        api.MapGet("/lists/{kind}/{period}", GetAsync);
        api.MapGet("/trending", TrendingAsync);
    }

    /// <summary>GET /api/lists/{daily|weekly|monthly}: the period holding the latest day with papers (404 for an empty store).</summary>
    private static async Task<Results<Ok<ListResource>, ProblemHttpResult>> LatestAsync(
        string kind, string? sort, string? category, string? limit, string? offset, PaperListService lists, CancellationToken cancellationToken)
    {
        var read = Read(kind, sort, category, limit, offset);
        if (read.Problem is { } problem)
        {
            return Problem(problem);
        }
        var list = await lists.LatestAsync(read.Kind, read.Query!, cancellationToken);
        return list is null
            ? TypedResults.Problem("no papers in the store yet", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(ListResource.From(list));
    }

    /// <summary>GET /api/lists/{kind}/{period}: one period's list (2024-03-05, 2024-W10, 2024-03).</summary>
    private static async Task<Results<Ok<ListResource>, ProblemHttpResult>> GetAsync(
        string kind, string period, string? sort, string? category, string? limit, string? offset, PaperListService lists, CancellationToken cancellationToken)
    {
        var read = Read(kind, sort, category, limit, offset);
        if (read.Problem is { } problem)
        {
            return Problem(problem);
        }
        if (!ListPeriod.TryParse(read.Kind, period, out var listPeriod))
        {
            return Problem($"'{period}' is not a {ListKindNames.Name(read.Kind)} period (like {Example(read.Kind)})");
        }
        return TypedResults.Ok(ListResource.From(await lists.GetAsync(listPeriod, read.Query!, cancellationToken)));
    }

    /// <summary>GET /api/trending: the trending list (docs/WEB.md has the formula).</summary>
    private static async Task<Results<Ok<ListResource>, ProblemHttpResult>> TrendingAsync(
        string? sort, string? category, string? limit, string? offset, PaperListService lists, CancellationToken cancellationToken)
    {
        var read = Read("daily", sort, category, limit, offset);
        return read.Problem is { } problem
            ? Problem(problem)
            : TypedResults.Ok(ListResource.From(await lists.TrendingAsync(read.Query!, cancellationToken)));
    }

    private static (ListQuery? Query, ListKind Kind, string? Problem) Read(string kind, string? sort, string? category, string? limit, string? offset)
    {
        if (!ListKindNames.TryParse(kind, out var listKind))
        {
            return (null, default, $"kind must be one of {string.Join(", ", ListKindNames.All)}");
        }
        if (!ListSortNames.TryParse(sort, out var order))
        {
            return (null, default, $"sort must be one of {string.Join(", ", ListSortNames.All)}");
        }
        var (take, skip, problem) = SearchPaging.Read(limit, offset);
        return problem is not null ? (null, default, problem) : (new ListQuery(order, category, skip, take), listKind, null);
    }

    private static string Example(ListKind kind) => kind switch
    {
        ListKind.Weekly => "2024-W10",
        ListKind.Monthly => "2024-03",
        _ => "2024-03-05",
    };

    private static ProblemHttpResult Problem(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
