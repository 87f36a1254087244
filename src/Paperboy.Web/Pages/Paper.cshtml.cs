using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Browsing;
using Paperboy.Application.Citations;
using Paperboy.Application.Library;
using Paperboy.Application.Searching;
using Paperboy.Application.Upvotes;
using Paperboy.Core.Papers;
using Paperboy.Web.Accounts;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Pages;

/// <summary>
/// One paper: its metadata, cleaned abstract (math rendered by KaTeX in the browser), links and similar
/// papers; upvote and save buttons that work without JavaScript. <c>/papers/{id}/bibtex</c> is its BibTeX
/// entry as text/x-bibtex. The id is a catch-all, since old arXiv ids hold a slash (hep-th/9901001), so
/// the BibTeX suffix is read off it here.
/// </summary>
public sealed class PaperModel(BrowseService browse, UpvoteService upvotes, LibraryService library) : PageModel
{
    public const int SimilarCount = 5;
    private const string BibTexSuffix = "/bibtex";

    public Paper? Paper { get; private set; }
    public IReadOnlyList<PaperHit> Similar { get; private set; } = [];
    public UpvoteState? Upvotes { get; private set; }
    public bool Saved { get; private set; }

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
            Response.Headers.ContentDisposition = $"inline; filename=\"{BibTexWriter.KeyFor(page.Paper)}.bib\"";
            return Content(BibTexWriter.Write(page.Paper), "text/x-bibtex; charset=utf-8");
        }
        (Paper, Similar) = (page.Paper, page.Similar);
        long? accountId = User.AccountId();
        Upvotes = await upvotes.GetAsync(Paper.Id, accountId, cancellationToken);
        Saved = accountId is { } account && await library.FindAsync(account, Paper.Id, cancellationToken) is not null;
        return Page();
    }

    /// <summary>Upvotes (<paramref name="upvoted"/> true) or withdraws the upvote, then shows the paper again.</summary>
    public Task<IActionResult> OnPostUpvoteAsync(string id, bool upvoted, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (account, ct) => await upvotes.SetAsync(account, id, upvoted, ct) is not null, cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (account, ct) => (await library.SaveAsync(account, id, ct)).Status == LibraryStatus.Ok, cancellationToken);

    public Task<IActionResult> OnPostUnsaveAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (account, ct) => { await library.RemoveAsync(account, id, ct); return true; }, cancellationToken);

    /// <summary>Signed out, the reader goes to sign in and comes back here; after a change, back to the paper (POST, redirect, GET).</summary>
    private async Task<IActionResult> ChangeAsync(string id, Func<long, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        string path = Paths.Paper(id);
        if (User.AccountId() is not { } accountId)
        {
            return LocalRedirect(SiteRoot.SignInPath(path));
        }
        return await change(accountId, cancellationToken) ? LocalRedirect(path) : NotFound();
    }
}
