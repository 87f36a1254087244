using Paperboy.Application;

namespace Paperboy.Web.Accounts;

/// <summary>The root URL emailed links start with: Paperboy:PublicUrl when set, else the request's own.</summary>
public static class SiteRoot
{
    public static Uri For(HttpRequest request, PaperboyOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.PublicUrl)
            ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/")
            : new Uri(options.PublicUrl);
    }

    /// <summary>Where a signed-out reader goes to sign in, coming back to <paramref name="next"/> afterwards.</summary>
    public static string SignInPath(string? next) =>
        Paperboy.Application.Accounts.SignInService.IsLocalPath(next) ? $"/signin?next={Uri.EscapeDataString(next)}" : "/signin";

    /// <summary>The client's address, for the per-client sign-in limit (behind a proxy, configure forwarded headers).</summary>
    public static string ClientAddress(HttpContext context) =>
        context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
