using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Mail;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;
using Paperboy.Testing.Mail;

namespace Paperboy.Web.Tests;

public sealed class SubscriptionTests : IAsyncLifetime
{
    private readonly InMemoryOutbox _outbox = new();
    private readonly PaperboyWebFactory _factory;

    public SubscriptionTests()
    {
        _factory = new PaperboyWebFactory
        {
            Time = new ManualTime(DateTimeOffset.UtcNow),
            Settings = new Dictionary<string, string> { ["Paperboy:Digests:SubscribeRequestsPerAddress"] = "2" },
            TestServices = services => services.AddSingleton<IEmailOutbox>(_outbox),
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private ISubscriptionStore Store => _factory.Services.GetRequiredService<ISubscriptionStore>();

    private static string Local(string link) => new Uri(link).PathAndQuery;

    private async Task<string> ConfirmAsync(HttpClient client, string email)
    {
        string link = InMemoryOutbox.Link(_outbox.To(email).Last(), "http://localhost/subscriptions/confirm?token=");
        var confirmed = await Forms.SubmitAsync(client, Local(link), "#confirm");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var page = await Html.ParseAsync(await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("You are subscribed. Your first digest comes at your chosen hour after the next papers are in.", page.QuerySelector("#confirmed")!.TextContent);
        return page.QuerySelector("#preferences-link")!.GetAttribute("href")!;
    }

    [Fact]
    public async Task Subscribing_from_the_trending_page_confirms_by_email_then_preferences_change_and_one_click_unsubscribes()
    {
        var client = Accounts.Browser(_factory);

        var subscribed = await Forms.SubmitAsync(client, "/trending", ".subscribe-form form", new Dictionary<string, string> { ["Form.Email"] = "Ada@Example.org" });
        var sentPage = await Html.ParseAsync(await subscribed.Content.ReadAsStringAsync());
        var pending = await Store.FindSubscriberAsync("ada@example.org", CancellationToken.None);
        string preferences = await ConfirmAsync(client, "ada@example.org");
        var form = await Html.GetAsync(client, preferences);
        var saved = await Forms.SubmitAsync(client, form, preferences, "#preferences", new Dictionary<string, string>
        {
            ["Form.Frequency"] = "weekly",
            ["Form.Queries"] = "graph neural networks\r\nprogram synthesis",
            ["Form.Trending"] = "true",
        });
        var stored = (await Store.FindSubscriberAsync("ada@example.org", CancellationToken.None))!;
        string token = Uri.UnescapeDataString(preferences[(preferences.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        // A mail client's RFC 8058 one-click POST: no cookie, no anti-forgery token, just the body.
        var oneClick = await _factory.CreateClient().PostAsync($"/subscriptions/unsubscribe?token={Uri.EscapeDataString(token)}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var again = await _factory.CreateClient().PostAsync($"/subscriptions/unsubscribe?token={Uri.EscapeDataString(token)}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.StartsWith("Check your email", sentPage.QuerySelector("#subscribe-sent")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pending!.Confirmed);
        Assert.True(pending.Settings.Trending);
        Assert.Equal("Confirm your Paperboy digest subscription", _outbox.To("ada@example.org").Single().Subject);
        Assert.Equal("ada@example.org", form.QuerySelector(".email")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(DigestFrequency.Weekly, stored.Settings.Frequency);
        Assert.Equal(["graph neural networks", "program synthesis"], stored.Settings.Topics.Select(t => t.Label));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You are unsubscribed", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await Store.FindSubscriberAsync("ada@example.org", CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task The_unsubscribe_link_in_a_body_shows_a_button_and_opening_it_changes_nothing()
    {
        var client = Accounts.Browser(_factory);
        await Forms.SubmitAsync(client, "/subscribe", "#subscribe", new Dictionary<string, string> { ["Form.Email"] = "bob@example.org", ["Form.Categories"] = "cs.CL" });
        string preferences = await ConfirmAsync(client, "bob@example.org");
        string unsubscribe = preferences.Replace("/subscriptions/preferences", "/subscriptions/unsubscribe", StringComparison.Ordinal);

        var page = await Html.GetAsync(Accounts.Browser(_factory), unsubscribe);
        var stillThere = await Store.FindSubscriberAsync("bob@example.org", CancellationToken.None);
        var pressed = await Forms.SubmitAsync(Accounts.Browser(_factory), page, unsubscribe, "#unsubscribe");

        Assert.Equal("bob@example.org", page.QuerySelector(".email")!.TextContent);
        Assert.Equal([new SubscriptionTopic(TopicKind.Category, "cs.CL", "cs.CL")], stillThere!.Settings.Topics);
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Null(await Store.FindSubscriberAsync("bob@example.org", CancellationToken.None));
    }

    [Fact]
    public async Task A_category_page_form_subscribes_to_that_category()
    {
        await _factory.Services.GetRequiredService<IPaperStore>().UpsertAsync(
            [new Paperboy.Core.Papers.Paper { Id = "2503.00001", ArxivId = "2503.00001", Title = "Parsing with grammars", Categories = ["cs.CL"] }], CancellationToken.None);
        var client = Accounts.Browser(_factory);
        var page = await Html.GetAsync(client, "/categories/cs.CL");

        await Forms.SubmitAsync(client, page, "/categories/cs.CL", ".subscribe-form form", new Dictionary<string, string> { ["Form.Email"] = "cat@example.org" });

        Assert.Equal("cs.CL", page.QuerySelector(".subscribe-form input[name='Form.Categories']")!.GetAttribute("value"));
        var stored = await Store.FindSubscriberAsync("cat@example.org", CancellationToken.None);
        Assert.Equal([new SubscriptionTopic(TopicKind.Category, "cs.CL", "cs.CL")], stored!.Settings.Topics);
        Assert.False(stored.Settings.Trending);
    }

    [Fact]
    public async Task The_api_accepts_a_subscription_and_answers_problems_for_header_injection()
    {
        var client = _factory.CreateClient();

        var accepted = await client.PostAsJsonAsync("/api/subscriptions", new { email = "api@example.org", frequency = "weekly", categories = new[] { "cs.LG" }, authors = new[] { "Ada Lovelace" } });
        var injectedAddress = await client.PostAsJsonAsync("/api/subscriptions", new { email = "api2@example.org\r\nBcc: eve@example.org", trending = true });
        var injectedQuery = await client.PostAsJsonAsync("/api/subscriptions", new { email = "api3@example.org", queries = new[] { "x\r\nSubject: hi" } });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("sent", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, injectedAddress.StatusCode);
        Assert.Equal("application/problem+json", injectedAddress.Content.Headers.ContentType!.MediaType);
        Assert.Equal("That is not an email address. Enter a bare address like name@example.org.",
            (await injectedAddress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("A saved search must be one line of at most 300 characters.",
            (await injectedQuery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var only = Assert.Single(_outbox.Queued);
        Assert.Equal("api@example.org", only.Email.To);
        var stored = await Store.FindSubscriberAsync("api@example.org", CancellationToken.None);
        Assert.Equal(DigestFrequency.Weekly, stored!.Settings.Frequency);
        Assert.Equal([TopicKind.Category, TopicKind.Author], stored.Settings.Topics.Select(t => t.Kind));
    }

    [Fact]
    public async Task A_known_and_an_unknown_address_get_the_same_page_and_the_limit_answers_429()
    {
        var client = Accounts.Browser(_factory);
        await Forms.SubmitAsync(client, "/subscribe", "#subscribe", new Dictionary<string, string> { ["Form.Email"] = "known@example.org", ["Form.Trending"] = "true" });
        await ConfirmAsync(client, "known@example.org");

        var known = await Forms.SubmitAsync(Accounts.Browser(_factory), "/subscribe", "#subscribe", new Dictionary<string, string> { ["Form.Email"] = "known@example.org", ["Form.Trending"] = "true" });
        var unknown = await Forms.SubmitAsync(Accounts.Browser(_factory), "/subscribe", "#subscribe", new Dictionary<string, string> { ["Form.Email"] = "unknown@example.org", ["Form.Trending"] = "true" });
        var limited = await Forms.SubmitAsync(Accounts.Browser(_factory), "/subscribe", "#subscribe", new Dictionary<string, string> { ["Form.Email"] = "known@example.org", ["Form.Trending"] = "true" });
        string knownText = (await Html.ParseAsync(await known.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent;
        string unknownText = (await Html.ParseAsync(await unknown.Content.ReadAsStringAsync())).QuerySelector("main")!.TextContent;

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(knownText, unknownText);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(["Confirm your Paperboy digest subscription", "Your Paperboy digest subscription"], _outbox.To("known@example.org").Select(e => e.Subject));
    }

    [Fact]
    public async Task Forms_other_than_one_click_unsubscribe_still_need_the_anti_forgery_token()
    {
        var client = _factory.CreateClient();

        var subscribe = await client.PostAsync("/subscribe", new FormUrlEncodedContent([new("Form.Email", "csrf@example.org"), new("Form.Trending", "true")]));
        var bogus = await client.PostAsync("/subscriptions/unsubscribe?token=1.AAAA", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.BadRequest, subscribe.StatusCode);
        Assert.Null(await Store.FindSubscriberAsync("csrf@example.org", CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, bogus.StatusCode);
        Assert.Empty(_outbox.Queued);
    }
}
