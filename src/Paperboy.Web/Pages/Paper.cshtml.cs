using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Browsing;
using Paperboy.Application.Searching;
using Paperboy.Core.Citations;
using Paperboy.Core.Papers;

namespace Paperboy.Web.Pages;

/// <summary>
/// One paper: its metadata, cleaned abstract (math rendered by KaTeX in the browser), links and similar
/// papers; <c>/papers/{id}/bibtex</c> is its BibTeX entry as text/x-bibtex. The id is a catch-all, since
/// old arXiv ids hold a slash (hep-th/9901001), so the BibTeX suffix is read off it here.
/// </summary>
public sealed class PaperModel(BrowseService browse) : PageModel
{
    public const int SimilarCount = 5;
    private const string BibTexSuffix = "/bibtex";

    public Paper? Paper { get; private set; }
    public IReadOnlyList<PaperHit> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        bool bibtex = id.EndsWith(BibTexSuffix, StringComparison.Ordinal);
        var page = await browse.PaperAsync(bibtex ? id[..^BibTexSuffix.Length] : id, bibtex ? 0 : SimilarCount, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }
        if (bibtex)
        {
            Response.Headers.ContentDisposition = $"inline; filename=\"{BibTex.Key(page.Paper)}.bib\"";
            return Content(BibTex.Entry(page.Paper), "text/x-bibtex; charset=utf-8");
        }
        (Paper, Similar) = (page.Paper, page.Similar);
        return Page();
    }
}
