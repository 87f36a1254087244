using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Paperboy.Web.Tests;

/// <summary>Signs a browser in the way a reader does: asks for a link, reads it from the log, follows it.</summary>
internal static partial class Accounts
{
    public static HttpClient Browser(PaperboyWebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email) =>
        await Forms.SubmitAsync(client, "/signin", "main form", new Dictionary<string, string> { ["Email"] = email });

    /// <summary>The links logged for an address, oldest first.</summary>
    public static IReadOnlyList<string> LinksFor(PaperboyWebFactory factory, string email) =>
        factory.Logs.Entries
            .Select(e => LinkLine().Match(e.Message))
            .Where(m => m.Success && m.Groups["email"].Value == email)
            .Select(m => m.Groups["url"].Value)
            .ToList();

    /// <summary>Opens a link and presses its button; the answer is a redirect when signed in.</summary>
    public static async Task<HttpResponseMessage> FollowLinkAsync(HttpClient client, string link)
    {
        string local = new Uri(link).PathAndQuery;
        return await Forms.SubmitAsync(client, local, "main form");
    }

    public static async Task<HttpClient> SignedInAsync(PaperboyWebFactory factory, string email)
    {
        var client = Browser(factory);
        var asked = await RequestLinkAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var signedIn = await FollowLinkAsync(client, LinksFor(factory, email)[^1]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [GeneratedRegex(@"^Sign-in link for (?<email>\S+): (?<url>\S+)$")]
    private static partial Regex LinkLine();
}
