using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Digests;

namespace Paperboy.Web.Pages;

/// <summary>
/// Unsubscribing. GET (the link in a digest's body) shows a button; POST unsubscribes. The POST is the
/// RFC 8058 one-click endpoint as well: a mail client POSTs "List-Unsubscribe=One-Click" to the URL of the
/// List-Unsubscribe header with no cookie and no anti-forgery token, so this page, and only this one, takes
/// none (<see cref="IgnoreAntiforgeryTokenAttribute"/>). The signed token in the URL is the proof: it names
/// one subscriber and cannot be made without the server's key, and a cross-site POST can only unsubscribe
/// whoever's token the attacker already holds.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.FindByManageTokenAsync(Token, cancellationToken);
        Valid = subscriber is not null;
        Email = subscriber?.Email;
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Done = await subscriptions.UnsubscribeAsync(Token, cancellationToken);
        if (!Done)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
