using Paperboy.Application.Syncing;

namespace Paperboy.Web.Api;

public static class StatusEndpoints
{
    public static void MapStatusEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/status", async (StatusService status, CancellationToken cancellationToken) =>
            TypedResults.Ok(await status.GetAsync(20, cancellationToken)));
}
