using System.Net;
using Microsoft.Extensions.Logging;

namespace Paperboy.Web.Tests;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly PaperboyWebFactory _factory = new()
    {
        Time = new ManualTime(DateTimeOffset.UtcNow),
        Settings = new Dictionary<string, string> { ["Paperboy:Accounts:SignInRequestsPerAddress"] = "3" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_logged_link_signs_in_and_the_account_page_shows_the_address()
    {
        var client = Accounts.Browser(_factory);

        var asked = await Accounts.RequestLinkAsync(client, "Ada@Example.org");
        var entry = Assert.Single(_factory.Logs.Entries, e => e.Message.StartsWith("Sign-in link for ", StringComparison.Ordinal));
        string link = Accounts.LinksFor(_factory, "ada@example.org").Single();
        var signedIn = await Accounts.FollowLinkAsync(client, link);
        var account = await Html.GetAsync(client, "/account");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.StartsWith("http://localhost/signin/complete?token=", link, StringComparison.Ordinal);
        Assert.Equal("/account", signedIn.Headers.Location!.OriginalString);
        Assert.Equal("ada@example.org", account.QuerySelector(".email")!.TextContent);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("paperboy_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_page()
    {
        await Accounts.SignedInAsync(_factory, "known@example.org");

        var known = await Accounts.RequestLinkAsync(Accounts.Browser(_factory), "known@example.org");
        var unknown = await Accounts.RequestLinkAsync(Accounts.Browser(_factory), "nobody@example.org");
        string knownText = (await Html.ParseAsync(await known.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent;
        string unknownText = (await Html.ParseAsync(await unknown.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent;

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(knownText, unknownText);
        Assert.Contains("a sign-in link is on its way", knownText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_signs_in_once()
    {
        var client = Accounts.Browser(_factory);
        await Accounts.RequestLinkAsync(client, "ada@example.org");
        string link = Accounts.LinksFor(_factory, "ada@example.org").Single();

        var first = await Accounts.FollowLinkAsync(client, link);
        var second = await Accounts.FollowLinkAsync(Accounts.Browser(_factory), link);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("expired or been used already", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_followed_after_its_lifetime_does_not_sign_in()
    {
        var client = Accounts.Browser(_factory);
        await Accounts.RequestLinkAsync(client, "ada@example.org");
        string link = Accounts.LinksFor(_factory, "ada@example.org").Single();

        _factory.Time!.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var late = await Accounts.FollowLinkAsync(client, link);
        var account = await client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("http://localhost/signin", account.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_past_the_limit_for_an_address_are_refused_and_send_nothing()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Accounts.RequestLinkAsync(Accounts.Browser(_factory), "ada@example.org")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, Accounts.LinksFor(_factory, "ada@example.org").Count);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copied_cookie()
    {
        var client = Accounts.Browser(_factory);
        await Accounts.RequestLinkAsync(client, "ada@example.org");
        var signedIn = await Accounts.FollowLinkAsync(client, Accounts.LinksFor(_factory, "ada@example.org").Single());
        string cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("paperboy_session=", StringComparison.Ordinal)).Split(';')[0];

        var copiedBefore = await GetWithCookieAsync("/account", cookie);
        var signedOut = await Forms.SubmitAsync(client, "/account", "form[action='/signout']");
        var copiedAfter = await GetWithCookieAsync("/account", cookie);
        var after = await client.GetAsync("/account");

        Assert.Equal(HttpStatusCode.OK, copiedBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, copiedAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        var bare = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused()
    {
        var response = await Accounts.Browser(_factory).PostAsync("/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "ada@example.org" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Accounts.LinksFor(_factory, "ada@example.org"));
    }
}
