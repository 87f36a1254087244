using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application;
using Paperboy.Application.Accounts;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Pages;

/// <summary>
/// Asks for a sign-in link. Every well-formed address gets the same answer, account or not, so the page
/// never tells anyone who uses Paperboy.
/// </summary>
public sealed class SignInModel(SignInService signIn, PaperboyOptions options, AccountOptions accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Next { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public SignInRequestOutcome? Outcome { get; private set; }

    public int LinkMinutes => (int)accounts.SignInLinkLifetime.TotalMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Outcome = await signIn.RequestLinkAsync(Email, SiteRoot.ClientAddress(HttpContext), SiteRoot.For(Request, options), Next, cancellationToken);
        Response.StatusCode = Outcome switch
        {
            SignInRequestOutcome.InvalidAddress => StatusCodes.Status400BadRequest,
            SignInRequestOutcome.RateLimited => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
