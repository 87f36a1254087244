namespace Paperboy.Web.Api;

/// <summary>The JSON API under /api; one file per resource.</summary>
public static class ApiEndpoints
{
    public static void MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapSearchEndpoints();
        api.MapPaperEndpoints();
        api.MapStatusEndpoints();
        api.MapLibraryEndpoints();
        api.MapUpvoteEndpoints();
        api.MapFollowEndpoints();
        api.MapListEndpoints();
        api.MapSimilarEndpoints();
        api.MapAuthorEndpoints();
        api.MapCategoryEndpoints();
        api.MapSubscriptionEndpoints();
    }
}
