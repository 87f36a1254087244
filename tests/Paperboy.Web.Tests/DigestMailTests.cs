using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paperboy.Application.Digests;
using Paperboy.Application.Mail;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;
using Paperboy.Testing;

namespace Paperboy.Web.Tests;

/// <summary>
/// Subscriptions and digests end to end: the running app, its SQLite store and outbox, and the real SMTP
/// server (aiosmtpd), with every message read back as MIME from what the server received. The clock is
/// the test's, and the outbox is sent by explicit passes, so nothing waits on a timer.
/// </summary>
public sealed partial class DigestMailTests : IAsyncLifetime
{
    // A Tuesday; "this week's" papers are listed on Monday the 3rd.
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    // A category and a search word the demo corpus never uses, so only this test's papers match.
    private const string Category = "q-bio.TO";
    private const string Word = "zeptoferrite";
    private const string Hostile = "<script>alert(1)</script> in tissue models";

    private readonly ManualTime _time = new(Now);
    private SmtpServer _server = null!;
    private PaperboyWebFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _server = await SmtpServer.StartAsync();
        _factory = new PaperboyWebFactory
        {
            Time = _time,
            Settings = new Dictionary<string, string>
            {
                ["Paperboy:PublicUrl"] = "https://papers.example.org/",
                ["Paperboy:Smtp:Host"] = _server.Host,
                ["Paperboy:Smtp:Port"] = _server.Port.ToString(CultureInfo.InvariantCulture),
                ["Paperboy:Smtp:StartTls"] = "Never",
                ["Paperboy:Smtp:From"] = "digest@papers.example.org",
                ["Paperboy:Digests:TrendingPapers"] = "0",
            },
            // The test runs the sender's passes itself (SendAsync below), so the background sender, woken by
            // every enqueue, is given no SMTP host and stops at once: no pass races the test's for the lock.
            TestServices = services => services.AddSingleton(provider => new OutboxSenderService(
                provider.GetRequiredService<OutboxSender>(), provider.GetRequiredService<OutboxSignal>(), new SmtpOptions(),
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<OutboxSenderService>>())),
        };
        // Starts the host, and with it the demo corpus.
        _ = _factory.Services;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ISubscriptionStore Subscriptions => _factory.Services.GetRequiredService<ISubscriptionStore>();

    [Fact]
    public async Task Subscribing_on_the_page_mails_one_confirmation_whose_link_and_button_confirm_the_address()
    {
        var client = Accounts.Browser(_factory);

        var subscribed = await Forms.SubmitAsync(client, "/subscribe", "#subscribe", new Dictionary<string, string>
        {
            ["Form.Email"] = "Ada@Example.org",
            ["Form.Categories"] = Category,
            ["Form.Queries"] = Word,
        });
        var pending = await Subscriptions.FindSubscriberAsync("ada@example.org", None);
        var sent = await SendOutboxAsync();
        var message = Assert.Single(_server.Messages());
        string link = ConfirmLink().Match(message.Text!).Groups[1].Value;
        var page = await Html.GetAsync(client, new Uri(link).PathAndQuery);
        var unconfirmed = await Subscriptions.FindSubscriberAsync("ada@example.org", None);
        var pressed = await Forms.SubmitAsync(client, page, new Uri(link).PathAndQuery, "#confirm");
        var answer = await Html.ParseAsync(await pressed.Content.ReadAsStringAsync());
        var confirmed = await Subscriptions.FindSubscriberAsync("ada@example.org", None);
        var preferences = await Html.GetAsync(client, answer.QuerySelector("#preferences-link")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Null(pending!.Confirmed);
        Assert.Equal(1, sent.Sent);
        Assert.Equal(["ada@example.org 250"], _server.RecipientLog());
        Assert.Equal("ada@example.org", message.To);
        Assert.Equal("\"Paperboy\" <digest@papers.example.org>", message.From);
        Assert.Equal("Confirm your Paperboy digest subscription", message.Subject);
        Assert.Contains($"papers new in {Category}; papers matches your search \u201c{Word}\u201d.", message.Text, StringComparison.Ordinal);
        Assert.StartsWith("https://papers.example.org/subscriptions/confirm?token=", link, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link)}\"", message.Html, StringComparison.Ordinal);
        // Opening the link (as a mail scanner would) confirms nothing; the button does.
        Assert.Equal("Confirm my subscription", page.QuerySelector("#confirm button")!.TextContent);
        Assert.Null(unconfirmed!.Confirmed);
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("You are subscribed. Your first digest comes at your chosen hour after the next papers are in.", answer.QuerySelector("#confirmed")!.TextContent);
        Assert.Equal(Now, confirmed!.Confirmed);
        Assert.Equal([new SubscriptionTopic(TopicKind.Category, Category, Category), new SubscriptionTopic(TopicKind.Query, Word, Word)], confirmed.Settings.Topics);
        Assert.Equal("ada@example.org", preferences.QuerySelector(".email")!.TextContent);
        Assert.Equal(Category, preferences.QuerySelector("#categories")!.TextContent);
        Assert.Equal(Word, preferences.QuerySelector("#queries")!.TextContent);
        // Nothing but the confirmation went out before confirming.
        Assert.Equal(1, _server.MessageCount());
    }

    [Fact]
    public async Task A_digest_arrives_as_text_and_html_with_its_papers_why_lines_escaped_titles_and_one_click_headers()
    {
        await SubscribedAsync("ada@example.org");
        await AddPapersAsync(
            Paper("2503.10001", "Tissue scaffolds grown in zero gravity", Monday, [Category]),
            Paper("2503.10002", Hostile, Monday, [Category]),
            Paper("2503.10003", $"Lattices of {Word} at low temperature", Monday, ["cond-mat.mtrl-sci"]),
            Paper("2503.10004", "An unrelated materials paper", Monday, ["cond-mat.mtrl-sci"]),
            Paper("2401.10005", "An old tissue paper", new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), [Category]));
        int before = _server.MessageCount();

        var run = await _factory.Services.GetRequiredService<DigestService>().SendAsync(ignoreSchedule: true, None);
        var sent = await SendOutboxAsync();
        var digest = Assert.Single(_server.Messages().Skip(before));
        var html = await Html.ParseAsync(digest.Html!);
        string unsubscribe = UnsubscribeHeader().Match(digest.Header("List-Unsubscribe")!).Groups[1].Value;
        var unsubscribePage = await Html.GetAsync(Accounts.Browser(_factory), new Uri(unsubscribe).PathAndQuery);

        Assert.Equal((1, 1), (run.Queued, sent.Sent));
        Assert.Equal("ada@example.org", digest.To);
        Assert.Equal("\"Paperboy\" <digest@papers.example.org>", digest.From);
        Assert.Equal("Paperboy: 3 papers for Tue 4 Mar", digest.Subject);
        Assert.Equal("Tue, 04 Mar 2025 12:00:00 +0000", digest.Header("Date"));
        Assert.StartsWith("multipart/alternative; boundary=", digest.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(["text/plain", "text/html"], digest.Parts.Select(p => p.MediaType));
        // RFC 8058: an HTTPS URI of this app's unsubscribe page, with a token that names this subscriber.
        Assert.StartsWith("https://papers.example.org/subscriptions/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("ada@example.org", unsubscribePage.QuerySelector(".email")!.TextContent);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Header("List-Unsubscribe-Post"));
        Assert.Contains($"Unsubscribe: {unsubscribe}", digest.Text, StringComparison.Ordinal);
        // Every header the writer sets, each once, and nothing a title or topic could have added (no CR/LF injection).
        Assert.Equal(["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe", "List-Unsubscribe-Post", "Content-Type"],
            digest.Headers.Select(h => h.Key));
        Assert.Equal(["ada@example.org 250", "ada@example.org 250"], _server.RecipientLog());
        var expected = new[]
        {
            ("2503.10001", "Tissue scaffolds grown in zero gravity", $"new in {Category}"),
            ("2503.10002", Hostile, $"new in {Category}"),
            ("2503.10003", $"Lattices of {Word} at low temperature", $"matches your search \u201c{Word}\u201d"),
        };
        Assert.Equal(expected.Order(), TextItems(digest).Order());
        Assert.Equal(expected.Order(), HtmlItems(html).Order());
        // The hostile title is text in the HTML part: encoded in the source, no script element once parsed.
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.DoesNotContain("<script>", digest.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; in tissue models", digest.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_click_post_to_the_received_list_unsubscribe_url_stops_that_address_digests()
    {
        await SubscribedAsync("ada@example.org");
        await SubscribedAsync("bob@example.org");
        await AddPapersAsync(Paper("2503.10001", "Tissue scaffolds grown in zero gravity", Monday, [Category]));
        await _factory.Services.GetRequiredService<DigestService>().SendAsync(ignoreSchedule: true, None);
        await SendOutboxAsync();
        var first = _server.Messages().Where(m => m.Subject.StartsWith("Paperboy:", StringComparison.Ordinal)).ToList();
        string unsubscribe = UnsubscribeHeader().Match(first.Single(m => m.To == "ada@example.org").Header("List-Unsubscribe")!).Groups[1].Value;

        // What a mail client does (RFC 8058 section 3.2): POST the body, with no cookie and no anti-forgery token.
        using var mailClient = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var oneClick = await mailClient.PostAsync(new Uri(unsubscribe).PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var gone = await Subscriptions.FindSubscriberAsync("ada@example.org", None);
        int before = _server.MessageCount();
        _time.Advance(TimeSpan.FromDays(1));
        await AddPapersAsync(Paper("2503.10006", "Tissue printing with living inks", Now, [Category]));
        var run = await _factory.Services.GetRequiredService<DigestService>().SendAsync(ignoreSchedule: true, None);
        await SendOutboxAsync();
        var later = _server.Messages().Skip(before).ToList();

        Assert.Equal(["ada@example.org", "bob@example.org"], first.Select(m => m.To).Order());
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You are unsubscribed", await oneClick.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(gone);
        Assert.Equal((1, 1), (run.Subscribers, run.Queued));
        // Bob, still subscribed, shows the run would have mailed Ada; it mailed only him.
        var bobs = Assert.Single(later);
        Assert.Equal("bob@example.org", bobs.To);
        Assert.Equal(new[] { ("2503.10006", "Tissue printing with living inks", $"new in {Category}") }, TextItems(bobs));
        Assert.Equal(2, _server.RecipientLog().Count(line => line == "ada@example.org 250"));
    }

    [Fact]
    public async Task A_paper_is_never_in_two_digests_to_the_same_reader()
    {
        await SubscribedAsync("ada@example.org");
        var digests = _factory.Services.GetRequiredService<DigestService>();
        Paper[] old =
        [
            Paper("2503.10001", "Tissue scaffolds grown in zero gravity", Monday, [Category]),
            Paper("2503.10002", "Organoids on a chip", Monday, [Category]),
            Paper("2503.10003", $"Lattices of {Word} at low temperature", Monday, ["cond-mat.mtrl-sci"]),
        ];
        await AddPapersAsync(old);
        await digests.SendAsync(ignoreSchedule: true, None);
        await SendOutboxAsync();

        // A day later: new matching papers, and the old ones still inside the new window (its slack reaches Saturday).
        _time.Advance(TimeSpan.FromDays(1));
        Paper[] fresh =
        [
            Paper("2503.20001", "Tissue printing with living inks", Monday.AddDays(2), [Category]),
            Paper("2503.20002", $"Thin films of {Word}", Now, ["cond-mat.mtrl-sci"]),
        ];
        await AddPapersAsync(fresh);
        var second = await digests.SendAsync(ignoreSchedule: true, None);
        await SendOutboxAsync();
        var received = _server.Messages().Where(m => m.Subject.StartsWith("Paperboy:", StringComparison.Ordinal)).ToList();

        Assert.Equal(1, second.Queued);
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal("ada@example.org", m.To));
        Assert.Equal(["Paperboy: 3 papers for Tue 4 Mar", "Paperboy: 2 papers for Wed 5 Mar"], received.Select(m => m.Subject));
        var firstIds = TextItems(received[0]).Select(i => i.Id).ToHashSet();
        var secondIds = TextItems(received[1]).Select(i => i.Id).ToHashSet();
        Assert.Equal(old.Select(p => p.Id).Order(), firstIds.Order());
        Assert.Equal(fresh.Select(p => p.Id).Order(), secondIds.Order());
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Equal(old.Concat(fresh).Select(p => p.Id).Order(), firstIds.Union(secondIds).Order());
        // The HTML parts list the same papers as the text parts.
        Assert.Equal(firstIds.Order(), HtmlItems(await Html.ParseAsync(received[0].Html!)).Select(i => i.Id).Order());
        Assert.Equal(secondIds.Order(), HtmlItems(await Html.ParseAsync(received[1].Html!)).Select(i => i.Id).Order());
    }

    [Fact]
    public async Task A_title_holding_line_breaks_a_lone_dot_and_smtp_commands_neither_adds_headers_nor_ends_the_message_early()
    {
        const string Smuggler = "Tissue repair\r\n.\r\nMAIL FROM:<eve@example.org>\r\nRCPT TO:<eve@example.org>\r\nDATA\r\nBcc: eve@example.org\n\r\nSubject: owned";
        await SubscribedAsync("ada@example.org");
        await AddPapersAsync(Paper("2503.10007", Smuggler, Monday, [Category]));
        int before = _server.MessageCount();

        await _factory.Services.GetRequiredService<DigestService>().SendAsync(ignoreSchedule: true, None);
        var sent = await SendOutboxAsync();
        var digest = Assert.Single(_server.Messages().Skip(before));

        Assert.Equal(1, sent.Sent);
        Assert.Equal(["ada@example.org 250", "ada@example.org 250"], _server.RecipientLog());
        Assert.Equal(2, _server.EnvelopeLog().Count);
        Assert.Equal(["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe", "List-Unsubscribe-Post", "Content-Type"],
            digest.Headers.Select(h => h.Key));
        Assert.Equal("Paperboy: 1 paper for Tue 4 Mar", digest.Subject);
        Assert.Equal(["text/plain", "text/html"], digest.Parts.Select(p => p.MediaType));
        // The whole title arrived inside the body, after the lone dot too: the message did not end there.
        Assert.Contains("Subject: owned", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Subject: owned", digest.Html, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: https://papers.example.org/subscriptions/unsubscribe?token=", digest.Text, StringComparison.Ordinal);
    }

    /// <summary>Subscribes through the page, sends the confirmation and presses the button in its link, as a reader does.</summary>
    private async Task SubscribedAsync(string email)
    {
        var client = Accounts.Browser(_factory);
        var subscribed = await Forms.SubmitAsync(client, "/subscribe", "#subscribe", new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Categories"] = Category,
            ["Form.Queries"] = Word,
        });
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        await SendOutboxAsync();
        var confirmation = _server.Messages().Last(m => m.To == email);
        string link = new Uri(ConfirmLink().Match(confirmation.Text!).Groups[1].Value).PathAndQuery;
        var pressed = await Forms.SubmitAsync(client, link, "#confirm");
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.NotNull((await Subscriptions.FindSubscriberAsync(email, None))!.Confirmed);
    }

    /// <summary>One pass of the outbox sender; the server has written every accepted message to disk before its 250.</summary>
    private async Task<OutboxRunReport> SendOutboxAsync()
    {
        var report = await _factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(None);
        Assert.Null(report.Error);
        return report;
    }

    private Task AddPapersAsync(params Paper[] papers) => _factory.Services.GetRequiredService<IPaperStore>().UpsertAsync(papers, None);

    private static Paper Paper(string id, string title, DateTimeOffset published, string[] categories) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Abstract = $"The abstract of {title}.",
        AbstractRaw = $"The abstract of {title}.",
        Authors = ["Ada Lovelace", "Alan Turing"],
        Categories = categories,
        Published = published,
    };

    /// <summary>(id, title, why-line) of each paper in the text part: title, authors, "Why: ...", link, blank line.</summary>
    private static List<(string Id, string Title, string Why)> TextItems(ReceivedEmail email)
    {
        string[] lines = email.Text!.ReplaceLineEndings("\n").Split('\n');
        var items = new List<(string, string, string)>();
        for (int i = 3; i < lines.Length; i++)
        {
            if (PaperLink().Match(lines[i]) is { Success: true } link)
            {
                Assert.StartsWith("Why: ", lines[i - 1], StringComparison.Ordinal);
                items.Add((Uri.UnescapeDataString(link.Groups[1].Value), lines[i - 3], lines[i - 1]["Why: ".Length..]));
            }
        }
        return items;
    }

    /// <summary>(id, title, why-line) of each paper in the HTML part, as a mail client shows it: link text and its last line.</summary>
    private static List<(string Id, string Title, string Why)> HtmlItems(AngleSharp.Dom.IDocument html) =>
        html.QuerySelectorAll("td")
            .Select(cell => (Cell: cell, Link: cell.Children.FirstOrDefault(e => e.LocalName == "a")))
            .Where(c => c.Link is not null && PaperLink().IsMatch(c.Link.GetAttribute("href") ?? ""))
            .Select(c => (Uri.UnescapeDataString(PaperLink().Match(c.Link!.GetAttribute("href")!).Groups[1].Value), c.Link!.TextContent,
                c.Cell.QuerySelectorAll("div")[^1].TextContent))
            .ToList();

    [GeneratedRegex(@"(https://papers\.example\.org/subscriptions/confirm\?token=\S+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"^<(https?://[^<>\s]+)>$")]
    private static partial Regex UnsubscribeHeader();

    [GeneratedRegex(@"^https://papers\.example\.org/papers/(\S+)$")]
    private static partial Regex PaperLink();
}
