using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Digests;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Web.Pages;

/// <summary>A subscriber's preferences, reached through the signed link in every digest: no password, no account.</summary>
public sealed class SubscriptionPreferencesModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SubscriptionForm Form { get; set; } = new();

    public Subscriber? Subscriber { get; private set; }

    public string? Error { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Subscriber = await subscriptions.FindByManageTokenAsync(Token, cancellationToken);
        if (Subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Form = SubscriptionForm.From(Subscriber);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (subscriber, error) = await subscriptions.UpdateAsync(Token, Form.ToRequest(), cancellationToken);
        Subscriber = subscriber;
        if (subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (error is not null)
        {
            Error = error;
            Form.Email = subscriber.Email;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Saved = true;
        Form = SubscriptionForm.From(subscriber);
        return Page();
    }
}
