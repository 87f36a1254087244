using Paperboy.Application.Digests;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Tests.Digests;

public sealed class DigestCompositionTests
{
    // A Tuesday; the papers below were published (listed) on Monday the 3rd.
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<DigestHarness> WithPapersAsync(Action<PaperboyOptions>? configure = null)
    {
        var harness = new DigestHarness(Now, configure);
        await harness.UpsertAsync(
            DigestHarness.Paper("2503.00001", "Diffusion models by Ada", Monday, ["cs.LG"], ["Ada Lovelace", "Alan Turing"], upvotes: 1,
                abstractText: "We train diffusion models on graphs."),
            DigestHarness.Paper("2503.00002", "A popular learning paper", Monday, ["cs.LG", "stat.ML"], ["Grace Hopper"], upvotes: 90),
            DigestHarness.Paper("2503.00003", "A quiet learning paper", Monday, ["cs.LG"], ["Edsger Dijkstra"], upvotes: 0),
            DigestHarness.Paper("2503.00004", "Parsing with grammars", Monday, ["cs.CL"], ["Noam Chomsky"], upvotes: 40),
            DigestHarness.Paper("2401.00009", "An old diffusion paper", new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), ["cs.LG"], ["Ada Lovelace"]));
        return harness;
    }

    private static SubscriptionRequest Topics(string email, bool trending = false) => new()
    {
        Email = email,
        Trending = trending,
        Categories = ["cs.LG"],
        Queries = ["diffusion"],
        Authors = ["ada lovelace"],
    };

    [Fact]
    public async Task Papers_matching_more_topics_rank_first_then_by_trending_each_once_with_every_reason()
    {
        await using var harness = await WithPapersAsync();
        var ada = await harness.SubscribedAsync(Topics("ada@example.org"));

        var report = await harness.Get<DigestService>().SendAsync(ignoreSchedule: true, None);

        var digest = Assert.Single(harness.Outbox.Queued, q => q.Key.StartsWith("digest:", StringComparison.Ordinal));
        Assert.Equal(1, report.Queued);
        Assert.StartsWith($"digest:{ada.Id}:now-20250304T120000Z", digest.Key, StringComparison.Ordinal);
        string text = digest.Email.TextBody;
        int first = text.IndexOf("Diffusion models by Ada", StringComparison.Ordinal);
        int second = text.IndexOf("A popular learning paper", StringComparison.Ordinal);
        int third = text.IndexOf("A quiet learning paper", StringComparison.Ordinal);
        Assert.True(first >= 0 && first < second && second < third, text);
        Assert.Contains("Why: new in cs.LG; matches your search \u201cdiffusion\u201d; by Ada Lovelace", text, StringComparison.Ordinal);
        Assert.Contains("Why: new in cs.LG\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(1, CountOf(text, "Diffusion models by Ada"));
        Assert.DoesNotContain("Parsing with grammars", text, StringComparison.Ordinal);
        Assert.DoesNotContain("An old diffusion paper", text, StringComparison.Ordinal);
        Assert.Equal("Paperboy: 3 papers for Tue 4 Mar", digest.Email.Subject);
    }

    [Fact]
    public async Task A_paper_is_never_sent_twice_and_nothing_new_means_no_email()
    {
        await using var harness = await WithPapersAsync();
        var ada = await harness.SubscribedAsync(Topics("ada@example.org"));
        var service = harness.Get<DigestService>();
        await service.SendAsync(ignoreSchedule: true, None);

        harness.Time.Advance(TimeSpan.FromHours(1));
        var nothing = await service.SendAsync(ignoreSchedule: true, None);
        await harness.UpsertAsync(DigestHarness.Paper("2503.00005", "A fresh learning paper", Monday.AddDays(1), ["cs.LG"], ["Barbara Liskov"]));
        harness.Time.Advance(TimeSpan.FromHours(1));
        var fresh = await service.SendAsync(ignoreSchedule: true, None);

        Assert.Equal((1, 0, 1), (nothing.Due, nothing.Queued, nothing.Empty));
        Assert.Equal(1, fresh.Queued);
        var digests = harness.Outbox.Queued.Where(q => q.Key.StartsWith("digest:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, digests.Count);
        Assert.Contains("A fresh learning paper", digests[1].Email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Diffusion models by Ada", digests[1].Email.TextBody, StringComparison.Ordinal);
        var delivered = await harness.Get<ISubscriptionStore>().ListDeliveredAsync(ada.Id, ["2503.00001", "2503.00002", "2503.00003", "2503.00004", "2503.00005"], None);
        Assert.Equal(["2503.00001", "2503.00002", "2503.00003", "2503.00005"], delivered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_send_empty_a_digest_without_papers_still_goes_out_saying_so()
    {
        await using var harness = new DigestHarness(Now, options => options.Digests.SendEmpty = true);
        await harness.SubscribedAsync(new SubscriptionRequest { Email = "ada@example.org", Categories = ["hep-th"] });

        var report = await harness.Get<DigestService>().SendAsync(ignoreSchedule: true, None);

        var digest = Assert.Single(harness.Outbox.Queued, q => q.Key.StartsWith("digest:", StringComparison.Ordinal));
        Assert.Equal((1, 0), (report.Queued, report.Empty));
        Assert.Contains("Nothing new matched your subscription this time.", digest.Email.TextBody, StringComparison.Ordinal);
        Assert.Equal("Paperboy: 0 papers for Tue 4 Mar", digest.Email.Subject);
    }

    [Fact]
    public async Task Trending_papers_follow_the_matches_without_repeating_them()
    {
        await using var harness = await WithPapersAsync(options => options.Digests.TrendingPapers = 2);
        await harness.SubscribedAsync(new SubscriptionRequest { Email = "ada@example.org", Trending = true, Categories = ["stat.ML"] });

        await harness.Get<DigestService>().SendAsync(ignoreSchedule: true, None);

        var email = Assert.Single(harness.Outbox.Queued, q => q.Key.StartsWith("digest:", StringComparison.Ordinal)).Email;
        string text = email.TextBody.ReplaceLineEndings("\n");
        // The popular paper is the stat.ML match; trending then gives the next two by score: 40 upvotes, then 1.
        Assert.Contains("A popular learning paper\nGrace Hopper (cs.LG stat.ML)\nWhy: new in stat.ML\n", text, StringComparison.Ordinal);
        Assert.Contains("Trending today\n==============\n\nParsing with grammars\nNoam Chomsky (cs.CL)\nWhy: trending today\n", text, StringComparison.Ordinal);
        Assert.Contains("Diffusion models by Ada\n", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(text, "A popular learning paper"));
        Assert.DoesNotContain("A quiet learning paper", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_is_multipart_with_one_click_unsubscribe_headers_and_the_link_in_the_body()
    {
        await using var harness = await WithPapersAsync();
        var ada = await harness.SubscribedAsync(Topics("ada@example.org"));

        await harness.Get<DigestService>().SendAsync(ignoreSchedule: true, None);

        var email = Assert.Single(harness.Outbox.Queued, q => q.Key.StartsWith("digest:", StringComparison.Ordinal)).Email;
        string token = await harness.Get<SubscriptionService>().ManageTokenAsync(ada, None);
        string unsubscribe = $"https://papers.example.org/subscriptions/unsubscribe?token={token}";
        Assert.Equal("ada@example.org", email.To);
        Assert.Equal($"<{unsubscribe}>", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Contains($"Unsubscribe: {unsubscribe}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{unsubscribe}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://papers.example.org/papers/2503.00001\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("matches your search \u201cdiffusion\u201d", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Followed_authors_of_a_linked_account_count_as_topics()
    {
        await using var harness = await WithPapersAsync();
        var account = await harness.Get<IAccountStore>().SignInAccountAsync("noam@example.org", Now, None);
        await harness.Get<Follows.FollowService>().FollowAsync(account.Id, Core.Accounts.FollowKind.Author, "Noam Chomsky", None);
        var service = harness.Get<SubscriptionService>();
        await service.SubscribeAsync(new SubscriptionRequest { Email = "noam@example.org", Follows = true }, "test", DigestHarness.Root, account.Id, "noam@example.org", None);
        var token = DigestHarness.TokenOf(Testing.Mail.InMemoryOutbox.Link(harness.Outbox.To("noam@example.org").Single(), DigestHarness.Root + SiteLinks.ConfirmPath));
        await service.ConfirmAsync(token, None);

        await harness.Get<DigestService>().SendAsync(ignoreSchedule: true, None);

        string text = Assert.Single(harness.Outbox.Queued, q => q.Key.StartsWith("digest:", StringComparison.Ordinal)).Email.TextBody;
        Assert.Contains("Parsing with grammars", text, StringComparison.Ordinal);
        Assert.Contains("Why: by Noam Chomsky", text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(text, "Why:"));
    }

    [Fact]
    public async Task Scheduled_runs_send_only_when_due_and_a_rerun_of_the_same_period_queues_nothing()
    {
        await using var harness = await WithPapersAsync(options => options.Digests.SendEmpty = false);
        // Confirmed Monday 11:00 UTC; Berlin at 07:00 gets Monday's papers on Tuesday 06:00 UTC.
        harness.Time.Advance(new DateTimeOffset(2025, 3, 3, 11, 0, 0, TimeSpan.Zero) - Now);
        await harness.SubscribedAsync(Topics("ada@example.org") with { TimeZone = "Europe/Berlin", Hour = 7 });
        var service = harness.Get<DigestService>();

        harness.Time.Advance(TimeSpan.FromHours(18));
        var early = await service.SendAsync(ignoreSchedule: false, None);
        harness.Time.Advance(TimeSpan.FromHours(1));
        var due = await service.SendAsync(ignoreSchedule: false, None);
        var again = await service.SendAsync(ignoreSchedule: false, None);

        Assert.Equal(0, early.Due);
        Assert.Equal((1, 1), (due.Due, due.Queued));
        Assert.Equal(0, again.Due);
        Assert.Equal("digest:1:day-2025-03-04", Assert.Single(harness.Outbox.Queued, q => q.Key.StartsWith("digest:", StringComparison.Ordinal)).Key);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
