using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application;
using Paperboy.Application.Digests;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Pages;

/// <summary>
/// Subscribing to email digests. Every valid request gets the same answer, whether or not the address is
/// already subscribed (it then gets its preferences link by email), so the page never tells who subscribes.
/// </summary>
public sealed class SubscribeModel(SubscriptionService subscriptions, PaperboyOptions options, DigestOptions digests) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubscriptionForm Form { get; set; } = new();

    public SubscribeResult? Result { get; private set; }

    public DigestOptions Digests => digests;

    public void OnGet()
    {
        Form.TimeZone ??= digests.DefaultTimeZone;
        Form.Hour ??= digests.DefaultHour;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Result = await subscriptions.SubscribeAsync(Form.ToRequest(), SiteRoot.ClientAddress(HttpContext), SiteRoot.For(Request, options),
            User.AccountId(), User.Email(), cancellationToken);
        Response.StatusCode = Result.Outcome switch
        {
            SubscribeOutcome.Invalid => StatusCodes.Status400BadRequest,
            SubscribeOutcome.RateLimited => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
