using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Catalog;
using Paperboy.Core.Papers;

namespace Paperboy.Web.Pages;

/// <summary>One paper: its metadata, cleaned abstract and links.</summary>
public sealed class PaperModel(PaperCatalog catalog) : PageModel
{
    public Paper? Paper { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Paper = await catalog.FindAsync(id, cancellationToken);
        return Paper is null ? NotFound() : Page();
    }
}
