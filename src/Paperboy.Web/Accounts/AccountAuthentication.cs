using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Paperboy.Application;
using Paperboy.Application.Accounts;

namespace Paperboy.Web.Accounts;

/// <summary>
/// Who is signed in: browsers by a cookie that names a session in the store (so signing out ends it
/// everywhere it was copied), API clients by a bearer access token.
/// </summary>
public static class AccountAuthentication
{
    /// <summary>The policy of the JSON API endpoints that need an account: bearer tokens only.</summary>
    public const string ApiPolicy = "api-account";

    public const string CookieName = "paperboy_session";

    public static IServiceCollection AddPaperboyAuthentication(this IServiceCollection services)
    {
        // Cookies and anti-forgery tokens are protected with keys kept in DATA/keys, so sessions survive a restart.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<PaperboyOptions, ILoggerFactory>((keys, options, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys")), logs));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                // Secure over HTTPS, and still usable on http://127.0.0.1 for a local install.
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/signin";
                cookie.AccessDeniedPath = "/signin";
                cookie.ReturnUrlParameter = "next";
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CookieLifetime>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>A cookie is good only while its session is in the store: signing out or expiry ends it.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        string? session = context.Principal?.FindFirst(AccountClaims.SessionClaim)?.Value;
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInService>();
        if (session is null || await signIn.FindSessionAccountAsync(session, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private sealed class CookieLifetime(AccountOptions accounts) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.ExpireTimeSpan = accounts.SessionLifetime;
    }
}
