using Paperboy.Application.Digests;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;
using Paperboy.Testing.Mail;

namespace Paperboy.Application.Tests.Digests;

public sealed class SubscriptionServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static Task<SubscribeResult> SubscribeAsync(DigestHarness harness, SubscriptionRequest request, string client = "198.51.100.7") =>
        harness.Get<SubscriptionService>().SubscribeAsync(request, client, DigestHarness.Root, null, null, None);

    [Fact]
    public async Task Nothing_is_confirmed_until_the_emailed_link_is_followed()
    {
        await using var harness = new DigestHarness(Now);

        var result = await SubscribeAsync(harness, new SubscriptionRequest { Email = " Ada@Example.org ", Categories = ["cs.LG"], Queries = ["graph neural networks"] });

        var email = Assert.Single(harness.Outbox.To("ada@example.org"));
        Assert.Equal(SubscribeOutcome.Sent, result.Outcome);
        Assert.Equal("Confirm your Paperboy digest subscription", email.Subject);
        Assert.Contains("papers new in cs.LG; papers matches your search \u201cgraph neural networks\u201d", email.TextBody, StringComparison.Ordinal);
        Assert.Empty(await harness.Get<ISubscriptionStore>().ListConfirmedSubscribersAsync(None));
        string link = InMemoryOutbox.Link(email, "https://papers.example.org/subscriptions/confirm?token=");
        var confirmed = await harness.Get<SubscriptionService>().ConfirmAsync(DigestHarness.TokenOf(link), None);
        Assert.Equal(("ada@example.org", Now), (confirmed!.Email, confirmed.Confirmed));
        Assert.Single(await harness.Get<ISubscriptionStore>().ListConfirmedSubscribersAsync(None));
    }

    [Fact]
    public async Task Forged_edited_and_replaced_confirmation_links_are_refused()
    {
        await using var harness = new DigestHarness(Now);
        var service = harness.Get<SubscriptionService>();
        await SubscribeAsync(harness, new SubscriptionRequest { Email = "ada@example.org", Trending = true });
        string first = DigestHarness.TokenOf(InMemoryOutbox.Link(harness.Outbox.To("ada@example.org")[0], DigestHarness.Root + SiteLinks.ConfirmPath));
        await SubscribeAsync(harness, new SubscriptionRequest { Email = "ada@example.org", Trending = true });
        string second = DigestHarness.TokenOf(InMemoryOutbox.Link(harness.Outbox.To("ada@example.org")[1], DigestHarness.Root + SiteLinks.ConfirmPath));
        var subscriber = (await harness.Get<ISubscriptionStore>().FindSubscriberAsync("ada@example.org", None))!;

        Assert.Null(await service.ConfirmAsync(first, None));
        Assert.Null(await service.ConfirmAsync(second[..^2] + (second[^2..] == "AA" ? "AB" : "AA"), None));
        Assert.Null(await service.ConfirmAsync($"{subscriber.Id + 1}{second[second.IndexOf('.', StringComparison.Ordinal)..]}", None));
        Assert.Null(await service.ConfirmAsync("not-a-token", None));
        // A manage link is not a confirmation link, even for the same subscriber.
        Assert.Null(await service.ConfirmAsync(await service.ManageTokenAsync(subscriber, None), None));
        Assert.NotNull(await service.ConfirmAsync(second, None));
    }

    [Fact]
    public async Task An_address_already_confirmed_gets_its_preferences_link_and_keeps_its_topics()
    {
        await using var harness = new DigestHarness(Now);
        var ada = await harness.SubscribedAsync(new SubscriptionRequest { Email = "ada@example.org", Categories = ["cs.LG"] });

        var result = await SubscribeAsync(harness, new SubscriptionRequest { Email = "ada@example.org", Categories = ["hep-th"] });

        var note = harness.Outbox.To("ada@example.org").Last();
        Assert.Equal(SubscribeOutcome.Sent, result.Outcome);
        Assert.Equal("Your Paperboy digest subscription", note.Subject);
        string token = await harness.Get<SubscriptionService>().ManageTokenAsync(ada, None);
        Assert.Contains($"https://papers.example.org/subscriptions/preferences?token={token}", note.TextBody, StringComparison.Ordinal);
        var stored = (await harness.Get<ISubscriptionStore>().GetSubscriberAsync(ada.Id, None))!;
        Assert.Equal([new SubscriptionTopic(TopicKind.Category, "cs.LG", "cs.LG")], stored.Settings.Topics);
    }

    [Theory]
    [InlineData("ada@example.org\r\nBcc: eve@example.org", null, "That is not an email address. Enter a bare address like name@example.org.")]
    [InlineData("Ada <ada@example.org>", null, "That is not an email address. Enter a bare address like name@example.org.")]
    [InlineData("ada@example.org", "diffusion\r\nBcc: eve@example.org", "A saved search must be one line of at most 300 characters.")]
    public async Task Header_injection_and_malformed_addresses_are_refused_with_a_clear_message(string email, string? query, string message)
    {
        await using var harness = new DigestHarness(Now);

        var result = await SubscribeAsync(harness, new SubscriptionRequest { Email = email, Trending = true, Queries = query is null ? [] : [query] });

        Assert.Equal(new SubscribeResult(SubscribeOutcome.Invalid, message), result);
        Assert.Empty(harness.Outbox.Queued);
    }

    [Fact]
    public async Task A_subscription_must_ask_for_something_in_a_known_time_zone()
    {
        await using var harness = new DigestHarness(Now);

        var nothing = await SubscribeAsync(harness, new SubscriptionRequest { Email = "ada@example.org" });
        var zone = await SubscribeAsync(harness, new SubscriptionRequest { Email = "ada@example.org", Trending = true, TimeZone = "Mars/Olympus" });
        var hour = await SubscribeAsync(harness, new SubscriptionRequest { Email = "ada@example.org", Trending = true, Hour = 24 });
        var category = await SubscribeAsync(harness, new SubscriptionRequest { Email = "ada@example.org", Categories = ["CS LG"] });

        Assert.Equal("Choose something to receive: trending papers, a category, a search or an author.", nothing.Error);
        Assert.Equal("'Mars/Olympus' is not a time zone. Use an IANA name such as Europe/Berlin or America/New_York.", zone.Error);
        Assert.Equal("The hour must be from 0 to 23.", hour.Error);
        Assert.Equal("'CS LG' is not an arXiv category such as cs.LG or hep-th.", category.Error);
    }

    [Fact]
    public async Task Requests_past_the_limit_per_address_are_refused_and_send_nothing()
    {
        await using var harness = new DigestHarness(Now, options => options.Digests.SubscribeRequestsPerAddress = 2);
        var request = new SubscriptionRequest { Email = "ada@example.org", Trending = true };

        var outcomes = new List<SubscribeOutcome>();
        for (int i = 0; i < 3; i++)
        {
            outcomes.Add((await SubscribeAsync(harness, request)).Outcome);
        }
        harness.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        outcomes.Add((await SubscribeAsync(harness, request)).Outcome);

        Assert.Equal([SubscribeOutcome.Sent, SubscribeOutcome.Sent, SubscribeOutcome.RateLimited, SubscribeOutcome.Sent], outcomes);
        Assert.Equal(3, harness.Outbox.To("ada@example.org").Count);
    }

    [Fact]
    public async Task Unsubscribing_deletes_the_subscription_and_its_links_stop_working()
    {
        await using var harness = new DigestHarness(Now);
        var ada = await harness.SubscribedAsync(new SubscriptionRequest { Email = "ada@example.org", Trending = true });
        var service = harness.Get<SubscriptionService>();
        string token = await service.ManageTokenAsync(ada, None);

        Assert.True(await service.UnsubscribeAsync(token, None));
        Assert.False(await service.UnsubscribeAsync(token, None));
        Assert.Null(await service.FindByManageTokenAsync(token, None));
        Assert.Null(await harness.Get<ISubscriptionStore>().FindSubscriberAsync("ada@example.org", None));
    }
}
