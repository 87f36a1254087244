using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Browsing;
using Paperboy.Application.Follows;
using Paperboy.Application.Searching;
using Paperboy.Core.Accounts;
using Paperboy.Web.Accounts;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Pages;

/// <summary>An author's papers, newest first, a page at a time.</summary>
public sealed class AuthorModel(BrowseService browse, FollowService follows) : PageModel
{
    public const int PageSize = 25;

    public string Name { get; private set; } = "";
    public PaperSearchResult? Result { get; private set; }
    public int PageNumber { get; private set; } = 1;

    /// <summary>Whether the signed-in reader follows this author (false when signed out).</summary>
    public bool Followed { get; private set; }
    public int PageCount => Result is null ? 1 : Math.Clamp((Result.TotalMatches + PageSize - 1) / PageSize, 1, SearchModel.MaxPage);

    public async Task<IActionResult> OnGetAsync(string name, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Name = Paths.RouteValue(name).Trim();
        PageNumber = Math.Clamp(pageNumber ?? 1, 1, SearchModel.MaxPage);
        Result = await browse.AuthorAsync(Name, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        if (Result is null || Result.TotalMatches == 0)
        {
            return NotFound();
        }
        Followed = User.AccountId() is { } account && await follows.IsFollowingAsync(account, FollowKind.Author, Name, cancellationToken);
        return Page();
    }
}
