using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Browsing;
using Paperboy.Application.Searching;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Pages;

/// <summary>An author's papers, newest first, a page at a time.</summary>
public sealed class AuthorModel(BrowseService browse) : PageModel
{
    public const int PageSize = 25;

    public string Name { get; private set; } = "";
    public PaperSearchResult? Result { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Result is null ? 1 : Math.Clamp((Result.TotalMatches + PageSize - 1) / PageSize, 1, SearchModel.MaxPage);

    public async Task<IActionResult> OnGetAsync(string name, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Name = Paths.RouteValue(name).Trim();
        PageNumber = Math.Clamp(pageNumber ?? 1, 1, SearchModel.MaxPage);
        Result = await browse.AuthorAsync(Name, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        return Result is null || Result.TotalMatches == 0 ? NotFound() : Page();
    }
}
