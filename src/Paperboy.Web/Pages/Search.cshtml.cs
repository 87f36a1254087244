using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Searching;
using Paperboy.Web.Api;

namespace Paperboy.Web.Pages;

/// <summary>The search page: a plain GET form, so it works without JavaScript and every search has a URL.</summary>
public sealed class SearchModel(PaperSearchService search) : PageModel
{
    public const int PageSize = 20;

    public string Query { get; private set; } = "";
    public int PageNumber { get; private set; } = 1;
    public PaperSearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public int PageCount => Result is null ? 1 : Math.Clamp((Result.TotalMatches + PageSize - 1) / PageSize, 1, MaxPage);

    /// <summary>The last page within the API's depth limit; the pager never links past it.</summary>
    public const int MaxPage = SearchPaging.MaxOffset / PageSize + 1;

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
        // Checked before the offset is computed: (page - 1) * 20 overflows for a page near int.MaxValue.
        if (PageNumber > MaxPage)
        {
            Error = $"Results go no deeper than {SearchPaging.MaxOffset:N0} papers: page {PageNumber:N0} is past the last, {MaxPage:N0}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Result = await search.SearchAsync(Query, PageSize, (PageNumber - 1) * PageSize, cancellationToken);
    }
}
