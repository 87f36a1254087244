using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Accounts;
using Paperboy.Application.Follows;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Pages;

/// <summary>
/// The handlers behind _FollowButton: follow or unfollow an author or a category, then back to the page
/// the button was on. Signed out, the reader is sent to sign in and brought back there.
/// </summary>
public sealed class FollowsModel(FollowService follows) : PageModel
{
    public string? Error { get; private set; }

    public IActionResult OnGet() => LocalRedirect("/account");

    public Task<IActionResult> OnPostFollowAsync(string? kind, string? key, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(kind, key, returnUrl, follow: true, cancellationToken);

    public Task<IActionResult> OnPostUnfollowAsync(string? kind, string? key, string? returnUrl, CancellationToken cancellationToken) =>
        ChangeAsync(kind, key, returnUrl, follow: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string? kind, string? key, string? returnUrl, bool follow, CancellationToken cancellationToken)
    {
        string back = SignInService.IsLocalPath(returnUrl) ? returnUrl : "/account";
        if (User.AccountId() is not { } accountId)
        {
            return LocalRedirect(SiteRoot.SignInPath(back));
        }
        if (!FollowKeys.TryParseKind(kind, out var parsed))
        {
            return Problem("kind must be author or category");
        }
        if (follow)
        {
            var result = await follows.FollowAsync(accountId, parsed, key, cancellationToken);
            if (result.Follow is null)
            {
                return Problem(result.Error!);
            }
        }
        else
        {
            await follows.UnfollowAsync(accountId, parsed, key, cancellationToken);
        }
        return LocalRedirect(back);
    }

    private PageResult Problem(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
