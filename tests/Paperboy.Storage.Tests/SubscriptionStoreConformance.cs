using Paperboy.Core.Subscriptions;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The subscription contract (ISubscriptionStore): digest subscribers, their topics and sent papers.
/// Every store runs these, each test on a store of its own.
/// </summary>
public abstract class SubscriptionStoreConformance
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty, initialized store that the test disposes.</summary>
    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private static SubscriptionSettings Settings(params SubscriptionTopic[] topics) =>
        new(DigestFrequency.Daily, "Europe/Berlin", 7, Trending: true, Follows: false, topics);

    [Fact]
    public async Task A_subscriber_is_stored_once_per_address_with_its_topics_in_order()
    {
        await using var temp = await CreateStoreAsync();
        var topics = new[]
        {
            new SubscriptionTopic(TopicKind.Query, "diffusion models", "diffusion models"),
            new SubscriptionTopic(TopicKind.Category, "cs.LG", "cs.LG"),
            new SubscriptionTopic(TopicKind.Author, "ada lovelace", "Ada Lovelace"),
        };

        var added = await temp.Subscriptions.AddSubscriberAsync("ada@example.org", null, Settings(topics), "link-salt", "confirm-salt", T0, None);
        var again = await temp.Subscriptions.AddSubscriberAsync("ada@example.org", null, Settings(), "other", "other", T0, None);
        var found = await temp.Subscriptions.FindSubscriberAsync("ada@example.org", None);

        Assert.NotNull(added);
        Assert.Null(again);
        Assert.NotNull(found);
        Assert.Equal(added.Id, found.Id);
        Assert.Equal(topics, found.Settings.Topics);
        Assert.Equal(("Europe/Berlin", 7, true, false), (found.Settings.TimeZone, found.Settings.Hour, found.Settings.Trending, found.Settings.Follows));
        Assert.Equal(("link-salt", "confirm-salt"), (found.LinkSalt, found.ConfirmSalt));
        Assert.Null(found.Confirmed);
        Assert.Equal(T0, found.Created);
    }

    [Fact]
    public async Task Only_confirmed_subscribers_are_listed_and_confirming_keeps_the_first_time()
    {
        await using var temp = await CreateStoreAsync();
        var ada = (await temp.Subscriptions.AddSubscriberAsync("ada@example.org", null, Settings(), "a", "ca", T0, None))!;
        await temp.Subscriptions.AddSubscriberAsync("bob@example.org", null, Settings(), "b", "cb", T0, None);

        Assert.True(await temp.Subscriptions.ConfirmSubscriberAsync(ada.Id, T0.AddHours(1), None));
        Assert.True(await temp.Subscriptions.ConfirmSubscriberAsync(ada.Id, T0.AddHours(2), None));
        Assert.False(await temp.Subscriptions.SetConfirmSaltAsync(ada.Id, "late", None));

        var confirmed = Assert.Single(await temp.Subscriptions.ListConfirmedSubscribersAsync(None));
        Assert.Equal("ada@example.org", confirmed.Email);
        Assert.Equal(T0.AddHours(1), confirmed.Confirmed);
        Assert.Null(confirmed.ConfirmSalt);
    }

    [Fact]
    public async Task Settings_replace_the_topics_and_digests_record_their_papers_once()
    {
        await using var temp = await CreateStoreAsync();
        var ada = (await temp.Subscriptions.AddSubscriberAsync("ada@example.org", null, Settings(new SubscriptionTopic(TopicKind.Category, "cs.LG", "cs.LG")), "a", "c", T0, None))!;

        var weekly = new SubscriptionSettings(DigestFrequency.Weekly, "America/New_York", 18, false, true,
            [new SubscriptionTopic(TopicKind.Category, "cs.CL", "cs.CL")]);
        Assert.True(await temp.Subscriptions.UpdateSettingsAsync(ada.Id, weekly, None));
        await temp.Subscriptions.RecordDigestAsync(ada.Id, "week-2025-W10", T0, ["2401.00001", "2401.00002"], None);
        await temp.Subscriptions.RecordDigestAsync(ada.Id, "week-2025-W11", T0.AddDays(7), ["2401.00002", "2401.00003"], None);

        var stored = (await temp.Subscriptions.GetSubscriberAsync(ada.Id, None))!;
        Assert.Equal(weekly with { Topics = Array.Empty<SubscriptionTopic>() }, stored.Settings with { Topics = Array.Empty<SubscriptionTopic>() });
        Assert.Equal(weekly.Topics, stored.Settings.Topics);
        Assert.Equal(("week-2025-W11", T0.AddDays(7)), (stored.LastPeriod, stored.LastDigestAt));
        var delivered = await temp.Subscriptions.ListDeliveredAsync(ada.Id, ["2401.00001", "2401.00003", "2401.00009"], None);
        Assert.Equal(["2401.00001", "2401.00003"], delivered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Deleting_a_subscriber_removes_its_topics_and_sent_papers()
    {
        await using var temp = await CreateStoreAsync();
        var ada = (await temp.Subscriptions.AddSubscriberAsync("ada@example.org", null, Settings(new SubscriptionTopic(TopicKind.Category, "cs.LG", "cs.LG")), "a", "c", T0, None))!;
        await temp.Subscriptions.RecordDigestAsync(ada.Id, "day-2025-03-01", T0, ["2401.00001"], None);

        Assert.True(await temp.Subscriptions.DeleteSubscriberAsync(ada.Id, None));
        Assert.False(await temp.Subscriptions.DeleteSubscriberAsync(ada.Id, None));

        Assert.Null(await temp.Subscriptions.FindSubscriberAsync("ada@example.org", None));
        Assert.Equal(0L, await temp.ScalarAsync("SELECT (SELECT COUNT(*) FROM subscriber_topics) + (SELECT COUNT(*) FROM subscriber_papers);"));
    }
}
