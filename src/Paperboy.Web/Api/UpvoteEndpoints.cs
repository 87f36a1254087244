using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Contracts;
using Paperboy.Application.Upvotes;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Api;

/// <summary>/api/upvotes/{id}: a paper's upvotes and the caller's own (bearer token required).</summary>
public static class UpvoteEndpoints
{
    public static void MapUpvoteEndpoints(this RouteGroupBuilder api)
    {
        var upvotes = api.MapGroup("/upvotes").RequireAuthorization(AccountAuthentication.ApiPolicy);
        upvotes.MapGet("/{**id}", GetAsync);
        upvotes.MapPut("/{**id}", (string id, ClaimsPrincipal user, UpvoteService service, CancellationToken ct) => SetAsync(id, true, user, service, ct));
        upvotes.MapDelete("/{**id}", (string id, ClaimsPrincipal user, UpvoteService service, CancellationToken ct) => SetAsync(id, false, user, service, ct));
    }

    /// <summary>GET /api/upvotes/{id}: local, imported and total upvotes, and whether the caller upvoted.</summary>
    private static async Task<Results<Ok<UpvoteResource>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, UpvoteService upvotes, CancellationToken cancellationToken) =>
        Answer(await upvotes.GetAsync(id, user.RequiredAccountId(), cancellationToken), id);

    /// <summary>PUT upvotes, DELETE withdraws; both idempotent.</summary>
    private static async Task<Results<Ok<UpvoteResource>, ProblemHttpResult>> SetAsync(
        string id, bool upvoted, ClaimsPrincipal user, UpvoteService upvotes, CancellationToken cancellationToken) =>
        Answer(await upvotes.SetAsync(user.RequiredAccountId(), id, upvoted, cancellationToken), id);

    private static Results<Ok<UpvoteResource>, ProblemHttpResult> Answer(UpvoteState? state, string id) =>
        state is null ? ApiProblems.NoPaper(id) : TypedResults.Ok(UpvoteResource.From(state));
}
