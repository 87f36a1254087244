using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Catalog;
using Paperboy.Application.Library;
using Paperboy.Application.Upvotes;
using Paperboy.Core.Papers;
using Paperboy.Web.Accounts;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Pages;

/// <summary>One paper: its metadata, cleaned abstract and links; upvote and save buttons that work without JavaScript.</summary>
public sealed class PaperModel(PaperCatalog catalog, UpvoteService upvotes, LibraryService library) : PageModel
{
    public Paper? Paper { get; private set; }
    public UpvoteState? Upvotes { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Paper = await catalog.FindAsync(id, cancellationToken);
        if (Paper is null)
        {
            return NotFound();
        }
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
