using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application;
using Paperboy.Application.Contracts;
using Paperboy.Application.Digests;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Api;

/// <summary>/api/subscriptions: subscribing to email digests, as the /subscribe form does (no token needed).</summary>
public static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/subscriptions", SubscribeAsync);
    }

    /// <summary>
    /// POST /api/subscriptions {"email", "frequency", "timeZone", "hour", "trending", "follows", "categories", "queries", "authors"}:
    /// 202 when an email is on its way (the same for a known and an unknown address), 400 or 429 problems otherwise.
    /// </summary>
    private static async Task<Results<Accepted<SubscribeResource>, ProblemHttpResult>> SubscribeAsync(
        SubscriptionRequest request, ClaimsPrincipal user, HttpContext context, SubscriptionService subscriptions, PaperboyOptions options,
        CancellationToken cancellationToken)
    {
        var result = await subscriptions.SubscribeAsync(request, SiteRoot.ClientAddress(context), SiteRoot.For(context.Request, options),
            user.AccountId(), user.Email(), cancellationToken);
        return result.Outcome switch
        {
            SubscribeOutcome.Invalid => ApiProblems.BadInput(result.Error!),
            SubscribeOutcome.RateLimited => TypedResults.Problem("too many subscribe requests; wait a while, then try again", statusCode: StatusCodes.Status429TooManyRequests),
            _ => TypedResults.Accepted((string?)null, new SubscribeResource("sent", "If that address can receive mail, a message is on its way; nothing is sent before it confirms.")),
        };
    }
}
