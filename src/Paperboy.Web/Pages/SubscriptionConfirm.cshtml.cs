using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Digests;

namespace Paperboy.Web.Pages;

/// <summary>
/// Where a confirmation link lands. Opening it only shows a button; the POST confirms. Mail scanners that
/// fetch every link would otherwise confirm subscriptions no one asked for, which double opt-in exists to prevent.
/// </summary>
public sealed class SubscriptionConfirmModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Failed { get; private set; }

    public bool Confirmed { get; private set; }

    public string? PreferencesToken { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subscriber = await subscriptions.ConfirmAsync(Token, cancellationToken);
        if (subscriber is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Confirmed = true;
        PreferencesToken = await subscriptions.ManageTokenAsync(subscriber, cancellationToken);
        return Page();
    }
}
