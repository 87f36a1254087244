using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Lists;

namespace Paperboy.Web.Pages;

/// <summary>The trending list: the papers of the last days with papers, by upvotes with a time decay.</summary>
public sealed class TrendingModel(PaperListService lists) : PageModel
{
    public const int PageSize = 30;

    public PaperList? List { get; private set; }
    public string? Error { get; private set; }
    public TrendingOptions Options => lists.Trending;

    public async Task OnGetAsync(string? sort, string? category, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!ListSortNames.TryParse(sort, out var order))
        {
            Error = $"Unknown order “{sort}”: use {string.Join(", ", ListSortNames.All)}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        int page = Math.Clamp(pageNumber ?? 1, 1, 10_000);
        List = await lists.TrendingAsync(new ListQuery(order, category, (page - 1) * PageSize, PageSize), cancellationToken);
    }
}
