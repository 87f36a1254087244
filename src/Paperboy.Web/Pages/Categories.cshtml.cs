using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Browsing;
using Paperboy.Search;

namespace Paperboy.Web.Pages;

/// <summary>Every category with its number of papers.</summary>
public sealed class CategoriesModel(BrowseService browse) : PageModel
{
    public const int Max = 500;

    public IReadOnlyList<FacetValue> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await browse.CategoriesAsync(Max, cancellationToken);
}
