using Paperboy.Application.Mail;
using Paperboy.Core.Mail;

namespace Paperboy.Application.Tests.Mail;

/// <summary>No field of a message can add a header or a recipient: each unsafe value is refused before anything is queued.</summary>
public sealed class HeaderInjectionTests
{
    public static TheoryData<string, string, string, string> Unsafe => new()
    {
        { "to", "victim@example.org\r\nBcc: everyone@example.org", "X-Tag", "ok" },
        { "to", "Name <victim@example.org>", "X-Tag", "ok" },
        { "subject", "Digest\r\nBcc: everyone@example.org", "X-Tag", "ok" },
        { "subject", "Digest\nX-Evil: 1", "X-Tag", "ok" },
        { "subject", "Digest\rX-Evil: 1", "X-Tag", "ok" },
        { "header value", "Digest", "List-Unsubscribe", "<https://x.example/u>\r\nBcc: everyone@example.org" },
        { "header value", "Digest", "List-Unsubscribe", "<https://x.example/ü>" },
        { "header name", "Digest", "Bcc", "everyone@example.org" },
        { "header name", "Digest", "X-Evil: 1\r\nBcc", "x" },
        { "header name", "Digest", "Message-ID", "<forged@example.org>" },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task An_unsafe_field_is_refused_and_nothing_is_queued(string field, string subject, string headerName, string headerValue)
    {
        await using var mail = await MailHarness.StartAsync();
        string to = field == "to" ? subject : "reader@example.org";
        var email = new OutgoingEmail(to, field == "to" ? "Digest" : subject, "body", null, new Dictionary<string, string> { [headerName] = headerValue });

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => mail.Outbox.EnqueueAsync(email, "digest:unsafe", CancellationToken.None));

        Assert.StartsWith("mail: ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(new OutboxCounts(0, 0, 0, 0), await mail.Store.CountOutboxAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_subject_full_of_header_syntax_arrives_as_one_subject_and_nothing_else()
    {
        await using var mail = await MailHarness.StartAsync();
        string subject = "Re: =?utf-8?B?Zm9v?= Bcc: everyone@example.org; To: x@example.org";

        await mail.EnqueueAsync("reader@example.org", "digest:syntax", subject);
        await mail.Sender.SendDueAsync(CancellationToken.None);

        var message = Assert.Single(mail.Server.Messages());
        Assert.Equal(subject, message.Subject);
        Assert.Equal(0, message.HeaderCount("Bcc"));
        Assert.Equal(["reader@example.org 250"], mail.Server.RecipientLog());
    }
}
