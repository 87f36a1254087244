using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Accounts;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Pages;

/// <summary>Signs out by POST only (a link or image elsewhere cannot sign anyone out), ending the session in the store.</summary>
public sealed class SignOutModel(SignInService signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirst(AccountClaims.SessionClaim)?.Value is { } session)
        {
            await signIn.SignOutAsync(session, cancellationToken);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
