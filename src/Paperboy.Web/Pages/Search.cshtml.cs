using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Searching;

namespace Paperboy.Web.Pages;

/// <summary>The search page: a plain GET form, so it works without JavaScript and every search has a URL.</summary>
public sealed class SearchModel(PaperSearchService search) : PageModel
{
    public const int PageSize = 20;

    public string Query { get; private set; } = "";
    public int PageNumber { get; private set; } = 1;
    public PaperSearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public int PageCount => Result is null ? 1 : Math.Max(1, (Result.TotalMatches + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? q, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Query = (q ?? "").Trim();
        PageNumber = Math.Max(1, pageNumber ?? 1);
        if (Query.Length == 0)
        {
            return;
        }
        if (Query.Length > PaperSearchService.MaxQueryLength)
        {
            Error = $"That query is too long: at most {PaperSearchService.MaxQueryLength} characters.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Result = await search.SearchAsync(Query, PageSize, (PageNumber - 1) * PageSize, cancellationToken);
    }
}
