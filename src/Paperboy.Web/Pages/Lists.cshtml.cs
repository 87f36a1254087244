using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Lists;

namespace Paperboy.Web.Pages;

/// <summary>
/// The daily, weekly and monthly lists (/papers/daily/2024-03-05, /papers/weekly/2024-W10,
/// /papers/monthly/2024-03), and the home page: the latest day that has papers.
/// </summary>
public sealed class ListsModel(PaperListService lists) : PageModel
{
    public const int PageSize = 30;

    public ListKind Kind { get; private set; }
    public PaperList? List { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? period, string? sort, string? category,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!ListKindNames.TryParse(kind ?? "daily", out var listKind))
        {
            return NotFound();
        }
        Kind = listKind;
        if (!ListSortNames.TryParse(sort, out var order))
        {
            Error = $"Unknown order “{sort}”: use {string.Join(", ", ListSortNames.All)}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        int page = Math.Clamp(pageNumber ?? 1, 1, 10_000);
        var query = new ListQuery(order, category, (page - 1) * PageSize, PageSize);
        if (period is null)
        {
            List = await lists.LatestAsync(listKind, query, cancellationToken);
            return Page();
        }
        if (!ListPeriod.TryParse(listKind, period, out var listPeriod))
        {
            return NotFound();
        }
        List = await lists.GetAsync(listPeriod, query, cancellationToken);
        return Page();
    }
}
