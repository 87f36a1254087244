using Paperboy.Application.Mail;
using Paperboy.Core.Mail;

namespace Paperboy.Application.Tests.Mail;

/// <summary>The outbox and its sender against a real SMTP server (aiosmtpd on 127.0.0.1), read back as MIME.</summary>
public sealed class OutboxDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_digest_arrives_once_as_multipart_alternative_with_its_subject_bodies_and_headers_intact()
    {
        await using var mail = await MailHarness.StartAsync();
        string subject = "Ünïcödé digest — 3 new papers on Schrödinger bridges ✓ and a long tail of words to fold";
        string text = "Hello Ada,\n.a line that starts with a dot\n..and two dots\nTrailing spaces   \n"
            + new string('x', 200) + "\nGrüße, 論文 and = signs\n.";
        string html = "<p>Hello <b>Ada</b></p>\n<p>Grüße, 論文 = signs</p>";
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://papers.example.org/unsubscribe?t=abc>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };

        bool queued = await mail.Outbox.EnqueueAsync(new OutgoingEmail(" Ada@Example.org ", subject, text, html, headers), "digest:1:2026-03-02", None);
        var report = await mail.Sender.SendDueAsync(None);

        Assert.True(queued);
        Assert.Equal(new OutboxRunReport(1, 0, 0, 0, null), report);
        var message = Assert.Single(mail.Server.Messages());
        var row = await mail.RowAsync("digest:1:2026-03-02");
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Matches("^<[0-9a-f]{32}@paperboy.example.org>$", message.MessageId);
        Assert.Equal("ada@example.org", message.To);
        Assert.Equal("\"Paperboy Digests\" <digests@paperboy.example.org>", message.From);
        Assert.Equal(subject, message.Subject);
        Assert.Equal("Mon, 02 Mar 2026 07:00:00 +0000", message.Header("Date"));
        Assert.Equal("1.0", message.Header("MIME-Version"));
        Assert.Equal("<https://papers.example.org/unsubscribe?t=abc>", message.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", message.Header("List-Unsubscribe-Post"));
        Assert.StartsWith("multipart/alternative;", message.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(["text/plain", "text/html"], message.Parts.Select(p => p.MediaType));
        Assert.All(message.Parts, p => Assert.Equal("text/plain; charset=utf-8".Replace("text/plain", p.MediaType, StringComparison.Ordinal), p.ContentType));
        Assert.Equal(text, message.Text);
        Assert.Equal(html, message.Html);
        // 7-bit, lines within RFC 5322's 78-character recommendation, one header of each kind.
        Assert.All(message.Raw.Split('\n'), line => Assert.True(line.Length <= 78 && line.All(c => c < 128), line));
        Assert.Equal(1, message.HeaderCount("Subject"));
        Assert.Equal(1, message.HeaderCount("To"));
        Assert.Equal(["digests@paperboy.example.org ada@example.org"], mail.Server.EnvelopeLog().Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task A_text_only_message_is_a_single_text_plain_part()
    {
        await using var mail = await MailHarness.StartAsync();
        await mail.EnqueueAsync("solo@example.org", "alert:1", subject: "Plain ASCII subject");

        await mail.Sender.SendDueAsync(None);

        var message = Assert.Single(mail.Server.Messages());
        Assert.Equal("text/plain; charset=utf-8", message.Header("Content-Type"));
        Assert.Equal("Plain ASCII subject", message.Header("Subject"));
        Assert.Equal("Papers for solo@example.org", message.Text);
        Assert.Null(message.Html);
    }

    [Fact]
    public async Task Queueing_the_same_dedupe_key_twice_sends_one_message()
    {
        await using var mail = await MailHarness.StartAsync();

        bool first = await mail.EnqueueAsync("twice@example.org", "digest:7:2026-03-02");
        bool second = await mail.EnqueueAsync("twice@example.org", "digest:7:2026-03-02", subject: "A second rendering");
        var report = await mail.Sender.SendDueAsync(None);
        var again = await mail.Sender.SendDueAsync(None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, report.Sent);
        Assert.Equal(0, again.Sent);
        Assert.Equal("Your Paperboy digest", Assert.Single(mail.Server.Messages()).Subject);
        Assert.Equal(new OutboxCounts(0, 0, 1, 0), await mail.Store.CountOutboxAsync(None));
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_message_suppresses_the_address_and_nothing_more_is_attempted_to_it()
    {
        await using var mail = await MailHarness.StartAsync(refuse: ["gone@example.org"]);
        await mail.EnqueueAsync("gone@example.org", "digest:gone:1");
        await mail.EnqueueAsync("here@example.org", "digest:here:1");

        var first = await mail.Sender.SendDueAsync(None);
        await mail.EnqueueAsync("gone@example.org", "digest:gone:2");
        mail.Time.Advance(TimeSpan.FromDays(1));
        var second = await mail.Sender.SendDueAsync(None);

        Assert.Equal(new OutboxRunReport(1, 0, 1, 0, null), first);
        Assert.Equal(new OutboxRunReport(0, 0, 0, 1, null), second);
        Assert.True(await mail.Suppressions.IsSuppressedAsync("Gone@Example.org", None));
        Assert.False(await mail.Suppressions.IsSuppressedAsync("here@example.org", None));
        var refused = await mail.RowAsync("digest:gone:1");
        Assert.Equal(OutboxState.Failed, refused.State);
        Assert.Equal("RCPT TO: 550 5.1.1 <gone@example.org>: no such mailbox", refused.LastError);
        Assert.Equal(OutboxState.Failed, (await mail.RowAsync("digest:gone:2")).State);
        Assert.Equal("not sent: the address is suppressed after a permanent failure", (await mail.RowAsync("digest:gone:2")).LastError);
        // One RCPT to the refused address ever: the second message was not attempted.
        Assert.Equal(["gone@example.org 550", "here@example.org 250"], mail.Server.RecipientLog());
        Assert.Equal("here@example.org", Assert.Single(mail.Server.Messages()).To);
    }

    [Fact]
    public async Task A_temporary_refusal_retries_later_with_growing_backoff_and_gives_up_after_the_last_attempt_without_suppressing()
    {
        await using var mail = await MailHarness.StartAsync(defer: ["busy@example.org"]);
        await mail.EnqueueAsync("busy@example.org", "digest:busy:1");
        var start = mail.Time.GetUtcNow();

        var first = await mail.Sender.SendDueAsync(None);
        var row1 = await mail.RowAsync("digest:busy:1");
        var notYet = await mail.Sender.SendDueAsync(None);
        mail.Time.Advance(row1.NextAttemptAt - start);
        var second = await mail.Sender.SendDueAsync(None);
        var row2 = await mail.RowAsync("digest:busy:1");
        var secondAt = mail.Time.GetUtcNow();
        mail.Time.Advance(row2.NextAttemptAt - mail.Time.GetUtcNow());
        var third = await mail.Sender.SendDueAsync(None);
        var row3 = await mail.RowAsync("digest:busy:1");

        Assert.Equal(new OutboxRunReport(0, 1, 0, 0, null), first);
        Assert.Equal(OutboxState.Queued, row1.State);
        Assert.Equal("RCPT TO: 451 4.3.0 try again later", row1.LastError);
        // One minute, times 0.8 to 1.2; then two minutes, times 0.8 to 1.2.
        Assert.InRange((row1.NextAttemptAt - start).TotalSeconds, 48, 72);
        Assert.Equal(new OutboxRunReport(0, 0, 0, 0, null), notYet);
        Assert.Equal(new OutboxRunReport(0, 1, 0, 0, null), second);
        Assert.InRange((row2.NextAttemptAt - secondAt).TotalSeconds, 96, 144);
        Assert.Equal(new OutboxRunReport(0, 0, 1, 0, null), third);
        Assert.Equal(OutboxState.Failed, row3.State);
        Assert.Equal(3, row3.Attempts);
        Assert.Equal("gave up after 3 attempts: RCPT TO: 451 4.3.0 try again later", row3.LastError);
        Assert.False(await mail.Suppressions.IsSuppressedAsync("busy@example.org", None));
        Assert.Equal(3, mail.Server.RecipientLog().Count);
        Assert.Empty(mail.Server.Messages());
    }

    [Fact]
    public async Task With_the_server_down_every_message_waits_and_after_it_comes_back_each_is_delivered_once()
    {
        await using var mail = await MailHarness.StartAsync();
        await mail.Server.StopAsync();
        var keys = Enumerable.Range(1, 6).Select(i => $"digest:{i}:2026-03-02").ToList();
        foreach (var key in keys)
        {
            await mail.EnqueueAsync($"reader{key.Split(':')[1]}@example.org", key);
        }

        var down = await mail.Sender.SendDueAsync(None);
        var stillDown = await mail.Sender.SendDueAsync(None);
        await mail.Server.StartAsync();
        mail.Time.Advance(TimeSpan.FromMinutes(2));
        var up = await mail.Sender.SendDueAsync(None);
        var after = await mail.Sender.SendDueAsync(None);

        Assert.Equal(0, down.Sent);
        Assert.Equal(1, down.Retried);
        Assert.Contains("unable to connect to 127.0.0.1", down.Error, StringComparison.Ordinal);
        // The first message waits out its backoff; the next due one takes the second failed connection.
        Assert.Equal(1, stillDown.Retried);
        Assert.Equal(new OutboxRunReport(6, 0, 0, 0, null), up);
        Assert.Equal(new OutboxRunReport(0, 0, 0, 0, null), after);
        var received = mail.Server.Messages();
        var expectedIds = new List<string>();
        foreach (var key in keys)
        {
            expectedIds.Add((await mail.RowAsync(key)).MessageId);
        }
        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"reader{i}@example.org"), received.Select(m => m.To).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_configured_host_nothing_is_sent_and_the_mail_stays_queued()
    {
        await using var mail = await MailHarness.StartAsync(configure: smtp => smtp.Host = null);
        await mail.EnqueueAsync("wait@example.org", "digest:wait:1");

        var report = await mail.Sender.SendDueAsync(None);

        Assert.Equal(new OutboxRunReport(0, 0, 0, 0, "Paperboy:Smtp:Host is not set; mail stays queued"), report);
        Assert.Equal(OutboxState.Queued, (await mail.RowAsync("digest:wait:1")).State);
        Assert.Empty(mail.Server.RecipientLog());
    }
}
