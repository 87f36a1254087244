using System.Net.Security;
using Paperboy.Application.Mail;
using Paperboy.Core.Mail;
using Paperboy.Testing;

namespace Paperboy.Application.Tests.Mail;

/// <summary>
/// STARTTLS (RFC 3207) and AUTH (RFC 4954) against aiosmtpd on 127.0.0.1 with a certificate made for
/// the test: what crossed the wire in clear is read from the server's command log, not assumed.
/// </summary>
public sealed class SmtpTlsAndAuthTests
{
    private const string User = "digests";
    private const string Password = "correct-h0rse-battery-staple";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task With_StartTls_Always_a_digest_is_delivered_inside_TLS_and_nothing_but_EHLO_and_STARTTLS_goes_in_clear()
    {
        using var certificate = TestCertificate.Create();
        await using var mail = await MailHarness.StartAsync(tls: certificate.Files, configure: smtp => smtp.StartTls = StartTlsMode.Always);
        var seen = new List<SslPolicyErrors>();
        mail.Sender.CertificateValidation = (_, presented, _, errors) =>
        {
            seen.Add(errors);
            return certificate.IsThis(presented) && errors == SslPolicyErrors.RemoteCertificateChainErrors;
        };
        await mail.EnqueueAsync("ada@example.org", "digest:tls:1");

        var report = await mail.Sender.SendDueAsync(None);

        Assert.Equal(new OutboxRunReport(1, 0, 0, 0, null), report);
        // The name 127.0.0.1 matched the certificate's IP address; only the chain (a self-signed root) is unknown.
        Assert.Equal([SslPolicyErrors.RemoteCertificateChainErrors], seen);
        Assert.Equal(["EHLO clear", "STARTTLS clear", "EHLO tls", "MAIL tls", "RCPT tls", "DATA tls", "QUIT tls"], mail.Server.CommandLog());
        string envelope = Assert.Single(mail.Server.EnvelopeLog());
        Assert.EndsWith(" digests@paperboy.example.org ada@example.org tls", envelope, StringComparison.Ordinal);
        var message = Assert.Single(mail.Server.Messages());
        Assert.Equal((await mail.RowAsync("digest:tls:1")).MessageId, message.MessageId);
        Assert.Equal("Papers for ada@example.org", message.Text);
        Assert.Equal(OutboxState.Sent, (await mail.RowAsync("digest:tls:1")).State);
    }

    [Fact]
    public async Task With_StartTls_Always_a_server_without_STARTTLS_gets_no_transaction_and_the_message_waits()
    {
        await using var mail = await MailHarness.StartAsync(configure: smtp => smtp.StartTls = StartTlsMode.Always);
        await mail.EnqueueAsync("ada@example.org", "digest:plain:1");
        var start = mail.Time.GetUtcNow();

        var report = await mail.Sender.SendDueAsync(None);

        const string error = "smtp: 127.0.0.1 does not offer STARTTLS and Paperboy:Smtp:StartTls is Always";
        Assert.Equal(new OutboxRunReport(0, 1, 0, 0, error), report);
        var row = await mail.RowAsync("digest:plain:1");
        Assert.Equal(OutboxState.Queued, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(error, row.LastError);
        Assert.InRange((row.NextAttemptAt - start).TotalSeconds, 48, 72);
        Assert.Equal(["EHLO clear"], mail.Server.CommandLog());
        Assert.Empty(mail.Server.RecipientLog());
        Assert.Empty(mail.Server.Messages());
    }

    [Fact]
    public async Task A_certificate_no_one_trusts_is_refused_even_with_StartTls_Auto_and_the_message_is_delivered_once_it_is_trusted()
    {
        using var certificate = TestCertificate.Create();
        await using var mail = await MailHarness.StartAsync(tls: certificate.Files, configure: smtp => smtp.StartTls = StartTlsMode.Auto);
        await mail.EnqueueAsync("ada@example.org", "digest:untrusted:1");

        var refused = await mail.Sender.SendDueAsync(None);
        var row = await mail.RowAsync("digest:untrusted:1");
        var commandsWhenRefused = mail.Server.CommandLog();
        mail.Sender.CertificateValidation = (_, presented, _, _) => certificate.IsThis(presented);
        mail.Time.Advance(row.NextAttemptAt - mail.Time.GetUtcNow());
        var trusted = await mail.Sender.SendDueAsync(None);

        Assert.Equal(0, refused.Sent);
        Assert.Equal(1, refused.Retried);
        Assert.StartsWith("smtp: TLS with 127.0.0.1 failed: ", refused.Error, StringComparison.Ordinal);
        Assert.Contains("certificate", refused.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(OutboxState.Queued, row.State);
        Assert.Equal(refused.Error, row.LastError);
        // No fallback to plain text after the failed handshake: the session ended there.
        Assert.Equal(["EHLO clear", "STARTTLS clear"], commandsWhenRefused);
        Assert.Equal(new OutboxRunReport(1, 0, 0, 0, null), trusted);
        var message = Assert.Single(mail.Server.Messages());
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.EndsWith(" tls", Assert.Single(mail.Server.EnvelopeLog()), StringComparison.Ordinal);
        Assert.Equal(2, (await mail.RowAsync("digest:untrusted:1")).Attempts);
    }

    [Fact]
    public async Task AUTH_with_the_right_password_goes_inside_TLS_and_the_server_sees_the_user()
    {
        using var certificate = TestCertificate.Create();
        await using var mail = await MailHarness.StartAsync(tls: certificate.Files, login: $"{User}:{Password}", configure: smtp =>
        {
            smtp.StartTls = StartTlsMode.Always;
            smtp.Username = User;
            smtp.Password = Password;
        });
        mail.Sender.CertificateValidation = (_, presented, _, _) => certificate.IsThis(presented);
        await mail.EnqueueAsync("ada@example.org", "digest:auth:1");

        var report = await mail.Sender.SendDueAsync(None);

        Assert.Equal(new OutboxRunReport(1, 0, 0, 0, null), report);
        Assert.Equal(["PLAIN digests ok tls"], mail.Server.AuthLog());
        Assert.Equal(["EHLO clear", "STARTTLS clear", "EHLO tls", "AUTH tls", "MAIL tls", "RCPT tls", "DATA tls", "QUIT tls"], mail.Server.CommandLog());
        Assert.Equal("ada@example.org", Assert.Single(mail.Server.Messages()).To);
        Assert.Equal(OutboxState.Sent, (await mail.RowAsync("digest:auth:1")).State);
    }

    [Fact]
    public async Task A_wrong_password_is_retried_like_a_lost_connection_until_the_attempts_run_out_suppresses_no_one_and_is_never_shown()
    {
        using var certificate = TestCertificate.Create();
        const string wrong = "Wr0ng-password-never-to-be-logged";
        await using var mail = await MailHarness.StartAsync(tls: certificate.Files, login: $"{User}:{Password}", configure: smtp =>
        {
            smtp.StartTls = StartTlsMode.Always;
            smtp.Username = User;
            smtp.Password = wrong;
        });
        mail.Sender.CertificateValidation = (_, presented, _, _) => certificate.IsThis(presented);
        await mail.EnqueueAsync("ada@example.org", "digest:badauth:1");

        // The first pass runs as `serve` runs it, so the log line an operator reads is checked too.
        var service = mail.App.Get<OutboxSenderService>();
        await service.StartAsync(None);
        string passLine = await WaitForLogAsync(mail.Log, "mail: 0 sent, 1 to retry");
        await service.StopAsync(None);
        var first = await mail.RowAsync("digest:badauth:1");
        var reports = new List<OutboxRunReport>();
        for (int attempt = 2; attempt <= 3; attempt++)
        {
            mail.Time.Advance((await mail.RowAsync("digest:badauth:1")).NextAttemptAt - mail.Time.GetUtcNow());
            reports.Add(await mail.Sender.SendDueAsync(None));
        }
        var last = await mail.RowAsync("digest:badauth:1");

        const string refusal = "smtp: authentication as digests failed: 535 5.7.8 Authentication credentials invalid";
        Assert.Equal($"mail: 0 sent, 1 to retry, 0 failed, 0 to suppressed addresses ({refusal})", passLine);
        Assert.Equal(OutboxState.Queued, first.State);
        Assert.Equal(refusal, first.LastError);
        Assert.Equal([new OutboxRunReport(0, 1, 0, 0, refusal), new OutboxRunReport(0, 0, 1, 0, refusal)], reports);
        Assert.Equal(OutboxState.Failed, last.State);
        Assert.Equal($"gave up after 3 attempts: {refusal}", last.LastError);
        Assert.False(await mail.Suppressions.IsSuppressedAsync("ada@example.org", None));
        Assert.Equal(["PLAIN digests refused tls", "PLAIN digests refused tls", "PLAIN digests refused tls"], mail.Server.AuthLog());
        Assert.DoesNotContain("MAIL tls", mail.Server.CommandLog());
        Assert.Empty(mail.Server.Messages());
        Assert.NotEmpty(mail.Log.Entries);
        Assert.All(mail.Log.Entries, entry => Assert.DoesNotContain(wrong, entry.Message, StringComparison.Ordinal));
        Assert.All(new[] { first.LastError, last.LastError }, error => Assert.DoesNotContain(wrong, error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_are_not_sent_to_a_server_that_offers_AUTH_in_clear_without_STARTTLS()
    {
        // No --tls: this server advertises AUTH PLAIN LOGIN on the plain connection and would check them.
        await using var mail = await MailHarness.StartAsync(login: $"{User}:{Password}", configure: smtp =>
        {
            smtp.StartTls = StartTlsMode.Auto;
            smtp.Username = User;
            smtp.Password = Password;
        });
        await mail.EnqueueAsync("ada@example.org", "digest:clear:1");

        var report = await mail.Sender.SendDueAsync(None);

        const string error = "smtp: credentials are configured but the connection is not TLS; they are never sent in clear";
        Assert.Equal(new OutboxRunReport(0, 1, 0, 0, error), report);
        Assert.Equal(["EHLO clear"], mail.Server.CommandLog());
        Assert.Empty(mail.Server.AuthLog());
        Assert.Equal(OutboxState.Queued, (await mail.RowAsync("digest:clear:1")).State);
        Assert.Empty(mail.Server.Messages());
    }

    [Fact]
    public async Task With_StartTls_Never_a_username_is_refused_at_start_and_the_connection_itself_sends_no_AUTH_in_clear()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await SmtpServer.StartAsync(tls: certificate.Files, login: $"{User}:{Password}");
        var options = new SmtpOptions
        {
            Host = server.Host,
            Port = server.Port,
            From = "digests@paperboy.example.org",
            StartTls = StartTlsMode.Never,
            Username = User,
            Password = Password,
        };

        var atStart = Assert.Throws<InvalidOperationException>(options.Validate);
        // Past the start-up check too (options built by hand), the connection keeps the password.
        var opening = await Assert.ThrowsAsync<SmtpException>(() => SmtpConnection.OpenAsync(options, certificateValidation: null, None));

        Assert.Equal("options: Paperboy:Smtp:Username is set with StartTls Never: credentials are only sent over TLS", atStart.Message);
        Assert.Equal("smtp: credentials are configured but the connection is not TLS; they are never sent in clear", opening.Message);
        Assert.Equal(["EHLO clear"], server.CommandLog());
        Assert.Empty(server.AuthLog());
    }

    [Fact]
    public async Task With_StartTls_Never_and_no_username_a_server_that_requires_AUTH_refuses_the_sender_and_the_message_waits()
    {
        using var certificate = TestCertificate.Create();
        await using var mail = await MailHarness.StartAsync(tls: certificate.Files, login: $"{User}:{Password}", configure: smtp => smtp.StartTls = StartTlsMode.Never);
        await mail.EnqueueAsync("ada@example.org", "digest:noauth:1");

        var report = await mail.Sender.SendDueAsync(None);

        Assert.Equal(new OutboxRunReport(0, 1, 0, 0, "the server refused the sender digests@paperboy.example.org: 530 5.7.0 Authentication required"), report);
        Assert.Equal("MAIL FROM refused: 530 5.7.0 Authentication required", (await mail.RowAsync("digest:noauth:1")).LastError);
        Assert.False(await mail.Suppressions.IsSuppressedAsync("ada@example.org", None));
        Assert.Equal(["EHLO clear", "MAIL clear"], mail.Server.CommandLog());
        Assert.Empty(mail.Server.Messages());
    }

    private static async Task<string> WaitForLogAsync(LogCapture log, string prefix)
    {
        // A wait, not a speed check: the generous bound only stops a broken test from hanging.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var entry = log.Entries.FirstOrDefault(e => e.Message.StartsWith(prefix, StringComparison.Ordinal));
            if (entry.Message is not null)
            {
                return entry.Message;
            }
            await Task.Delay(20, patience.Token);
        }
    }
}
