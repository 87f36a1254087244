using System.Globalization;
using System.Security.Claims;
using Paperboy.Application.Accounts;
using Paperboy.Core.Accounts;

namespace Paperboy.Web.Accounts;

/// <summary>What a signed-in principal carries: the account id and address, and for a browser the session token.</summary>
public static class AccountClaims
{
    public const string SessionClaim = "paperboy:session";

    public static ClaimsPrincipal ForSession(SignInSession session, string scheme)
    {
        ArgumentNullException.ThrowIfNull(session);
        var claims = Claims(session.Account).Append(new Claim(SessionClaim, session.Token));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static ClaimsPrincipal ForAccount(Account account, string scheme) =>
        new(new ClaimsIdentity(Claims(account), scheme));

    /// <summary>The signed-in account's id, or null when signed out.</summary>
    public static long? AccountId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true
            && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id
            : null;
    }

    /// <summary>The id of an account an endpoint or page requires to be signed in (authorization has checked it).</summary>
    public static long RequiredAccountId(this ClaimsPrincipal user) =>
        user.AccountId() ?? throw new InvalidOperationException("accounts: an endpoint that requires an account ran without one");

    public static string? Email(this ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.Email);

    private static IEnumerable<Claim> Claims(Account account) =>
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Email, account.Email),
    ];
}
