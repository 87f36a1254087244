using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Accounts;
using Paperboy.Application.Follows;
using Paperboy.Core.Accounts;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Pages;

/// <summary>The signed-in reader's account: what they follow, and their personal access tokens for the API.</summary>
[Authorize]
public sealed class AccountModel(FollowService follows, AccessTokenService tokens) : PageModel
{
    public string Email => User.Email() ?? "";
    public IReadOnlyList<Follow> Follows { get; private set; } = [];
    public IReadOnlyList<AccessTokenInfo> Tokens { get; private set; } = [];

    /// <summary>A token just created: shown on this one response and never again.</summary>
    public NewAccessToken? NewToken { get; private set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateTokenAsync(string? name, CancellationToken cancellationToken)
    {
        NewToken = await tokens.CreateAsync(User.RequiredAccountId(), name, cancellationToken);
        if (NewToken is null)
        {
            Error = $"A token name may have at most {AccessTokenService.MaxNameLength} characters and no control characters.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(long id, CancellationToken cancellationToken)
    {
        await tokens.RevokeAsync(User.RequiredAccountId(), id, cancellationToken);
        return LocalRedirect("/account");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        long accountId = User.RequiredAccountId();
        Follows = await follows.ListAsync(accountId, cancellationToken);
        Tokens = await tokens.ListAsync(accountId, cancellationToken);
    }
}
