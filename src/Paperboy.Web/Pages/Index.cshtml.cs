using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Catalog;
using Paperboy.Core.Papers;

namespace Paperboy.Web.Pages;

/// <summary>The home page: the papers in the store, newest first, a page at a time.</summary>
public sealed class IndexModel(PaperCatalog catalog) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<Paper> Papers { get; private set; } = [];
    public long Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Total = (await catalog.StatsAsync(cancellationToken)).Papers;
        PageNumber = Math.Clamp(pageNumber ?? 1, 1, PageCount);
        Papers = await catalog.ListRecentAsync((PageNumber - 1) * PageSize, PageSize, cancellationToken);
    }
}
