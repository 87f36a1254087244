using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Contracts;
using Paperboy.Application.Follows;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Api;

/// <summary>/api/follows: the authors and categories the caller follows (bearer token required).</summary>
public static class FollowEndpoints
{
    public static void MapFollowEndpoints(this RouteGroupBuilder api)
    {
        var follows = api.MapGroup("/follows").RequireAuthorization(AccountAuthentication.ApiPolicy);
        follows.MapGet("", ListAsync);
        follows.MapPost("", FollowAsync);
        follows.MapDelete("", UnfollowAsync);
    }

    /// <summary>GET /api/follows: authors first, then categories.</summary>
    private static async Task<Ok<List<FollowResource>>> ListAsync(ClaimsPrincipal user, FollowService follows, CancellationToken cancellationToken) =>
        TypedResults.Ok((await follows.ListAsync(user.RequiredAccountId(), cancellationToken)).Select(FollowResource.From).ToList());

    /// <summary>POST /api/follows {"kind": "author"|"category", "key"}.</summary>
    private static async Task<Results<Ok<FollowResource>, ProblemHttpResult>> FollowAsync(
        FollowRequest request, ClaimsPrincipal user, FollowService follows, CancellationToken cancellationToken)
    {
        if (!FollowKeys.TryParseKind(request.Kind, out var kind))
        {
            return ApiProblems.BadInput("kind must be one of author, category");
        }
        var result = await follows.FollowAsync(user.RequiredAccountId(), kind, request.Key, cancellationToken);
        return result.Follow is null ? ApiProblems.BadInput(result.Error!) : TypedResults.Ok(FollowResource.From(result.Follow));
    }

    /// <summary>DELETE /api/follows?kind=&amp;key=.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAsync(
        string? kind, string? key, ClaimsPrincipal user, FollowService follows, CancellationToken cancellationToken)
    {
        if (!FollowKeys.TryParseKind(kind, out var parsed))
        {
            return ApiProblems.BadInput("kind must be one of author, category");
        }
        return await follows.UnfollowAsync(user.RequiredAccountId(), parsed, key, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"you do not follow {kind} '{key}'", statusCode: StatusCodes.Status404NotFound);
    }
}
