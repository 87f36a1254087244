using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Accounts;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Pages;

/// <summary>
/// Where an emailed link lands. Opening it only shows a button; the POST uses the token. Mail scanners
/// that fetch every link in a message would otherwise spend the single use before the reader could.
/// </summary>
public sealed class SignInCompleteModel(SignInService signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Expires { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sig { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Next { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var session = await signIn.CompleteAsync(Token, Expires, Sig, cancellationToken);
        if (session is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            AccountClaims.ForSession(session, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = session.Expires });
        return LocalRedirect(SignInService.IsLocalPath(Next) ? Next : "/account");
    }
}
