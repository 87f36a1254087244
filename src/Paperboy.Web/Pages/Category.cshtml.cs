using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Browsing;
using Paperboy.Application.Follows;
using Paperboy.Application.Lists;
using Paperboy.Application.Searching;
using Paperboy.Core.Accounts;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Pages;

/// <summary>A category: what trends in it, then its papers newest first, a page at a time.</summary>
public sealed class CategoryModel(BrowseService browse, FollowService follows) : PageModel
{
    public const int PageSize = 25;
    public const int TrendingCount = 5;

    public string Category { get; private set; } = "";
    public PaperSearchResult? Result { get; private set; }
    public PaperList? Trending { get; private set; }
    public int PageNumber { get; private set; } = 1;

    /// <summary>Whether the signed-in reader follows this category (false when signed out).</summary>
    public bool Followed { get; private set; }
    public int PageCount => Result is null ? 1 : Math.Clamp((Result.TotalMatches + PageSize - 1) / PageSize, 1, SearchModel.MaxPage);

    public async Task<IActionResult> OnGetAsync(string category, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Category = category.Trim();
        PageNumber = Math.Clamp(pageNumber ?? 1, 1, SearchModel.MaxPage);
        var page = await browse.CategoryPageAsync(Category, (PageNumber - 1) * PageSize, PageSize, TrendingCount, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        (Result, Trending) = (page.Papers, page.Trending);
        Followed = User.AccountId() is { } account && await follows.IsFollowingAsync(account, FollowKind.Category, Category, cancellationToken);
        return Page();
    }
}
