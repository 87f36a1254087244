using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Paperboy.Application.Accounts;

namespace Paperboy.Web.Accounts;

/// <summary>
/// The JSON API's authentication: <c>Authorization: Bearer pb_...</c> (RFC 6750) with a personal access
/// token. A missing or unknown token is a 401 problem with a <c>WWW-Authenticate: Bearer</c> challenge.
/// Cookies are never read here, so a page on another site cannot make a browser call the API.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokenService tokens, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header is not a bearer token");
        }
        var account = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return account is null
            ? AuthenticateResult.Fail("unknown or revoked access token")
            : AuthenticateResult.Success(new AuthenticationTicket(AccountClaims.ForAccount(account, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = result.Failure is null
                    ? "send a personal access token (create one on /account) as Authorization: Bearer pb_..."
                    : "the access token is unknown or was revoked",
            },
        });
    }
}
