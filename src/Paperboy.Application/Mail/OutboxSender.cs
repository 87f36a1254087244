using System.Net.Security;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Mail;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Mail;

/// <summary>
/// Sends the outbox's due messages over one SMTP connection (docs/EMAIL.md). A message is marked
/// sending before its transaction, and sent in a transaction that is opened before the end of DATA is
/// written and committed right after, so a crash leaves it either sent or sending (sent again on
/// restart, with the same Message-ID). 4xx replies and lost connections reschedule it with exponential
/// backoff and jitter, up to <see cref="SmtpOptions.MaxAttempts"/>; a 5xx to RCPT or DATA fails it and
/// suppresses the address. On SQLite one sender works a data directory at a time, guarded by a lock
/// file; on PostgreSQL every node sends, and the store's leased claims keep them apart.
/// </summary>
public sealed partial class OutboxSender(IOutboxStore store, PaperboyOptions options, TimeProvider time, ILogger<OutboxSender> logger)
{
    public const string LockFileName = "mail-sender.lock";

    private SmtpOptions Smtp => options.Smtp;

    /// <summary>Accepts the server's certificate when set: for tests against a server with a made-up certificate.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    public async Task<OutboxRunReport> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!Smtp.Configured)
        {
            return new OutboxRunReport(0, 0, 0, 0, "Paperboy:Smtp:Host is not set; mail stays queued");
        }
        // The lock file is for an outbox only one sender may work; a shared one (PostgreSQL) needs none,
        // and a file in one node's data directory would not keep other nodes out anyway.
        FileStream? lockFile = null;
        if (!store.AllowsConcurrentSenders && (lockFile = TryLock()) is null)
        {
            return new OutboxRunReport(0, 0, 0, 0, "another mail sender is running on this data directory");
        }
        await using (lockFile)
        {
            var run = new Run();
            SmtpConnection? connection = null;
            try
            {
                while (await store.ClaimNextAsync(time.GetUtcNow(), Smtp.ClaimLease, cancellationToken) is { } message)
                {
                    if (await store.IsSuppressedAsync(message.Recipient, cancellationToken))
                    {
                        await store.FailAsync(message.Id, "not sent: the address is suppressed after a permanent failure", time.GetUtcNow(), cancellationToken);
                        run.Suppressed++;
                        continue;
                    }
                    try
                    {
                        connection ??= await SmtpConnection.OpenAsync(Smtp, CertificateValidation, cancellationToken);
                    }
                    catch (Exception e) when (e is IOException or TimeoutException or SmtpException)
                    {
                        await RetryLaterAsync(message, e.Message, run, cancellationToken);
                        run.Error = e.Message;
                        break;
                    }
                    if (!await SendOneAsync(connection, message, run, cancellationToken))
                    {
                        await connection.DisposeAsync();
                        connection = null;
                        break;
                    }
                }
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.QuitAsync(cancellationToken);
                    await connection.DisposeAsync();
                }
            }
            return new OutboxRunReport(run.Sent, run.Retried, run.Failed, run.Suppressed, run.Error);
        }
    }

    /// <returns>False when the connection is no longer usable.</returns>
    private async Task<bool> SendOneAsync(SmtpConnection connection, OutboxMessage message, Run run, CancellationToken cancellationToken)
    {
        bool endWritten = false;
        try
        {
            var mail = await connection.MailFromAsync(Smtp.From, cancellationToken);
            if (mail.Code != 250)
            {
                // About the sender, not this recipient: every message would get the same answer.
                await RetryLaterAsync(message, $"MAIL FROM refused: {mail}", run, cancellationToken);
                run.Error = $"the server refused the sender {Smtp.From}: {mail}";
                return false;
            }
            var rcpt = await connection.RcptToAsync(message.Recipient, cancellationToken);
            if (rcpt.Code is not (250 or 251))
            {
                await RefusedAsync(message, "RCPT TO", rcpt, run, cancellationToken);
                return (await connection.ResetAsync(cancellationToken)).Code == 250;
            }
            var data = await connection.DataAsync(cancellationToken);
            if (data.Code != 354)
            {
                await RefusedAsync(message, "DATA", data, run, cancellationToken);
                return (await connection.ResetAsync(cancellationToken)).Code == 250;
            }
            await connection.WriteMessageAsync(MimeWriter.Write(message, Smtp.From, Smtp.FromName), cancellationToken);
            // The exactly-once step: the row becomes sent in a transaction opened before the final dot is
            // written and committed at once after it, so only the commit lies between the two.
            var sent = await store.PrepareSentAsync(message.Id, time.GetUtcNow(), cancellationToken);
            if (sent is null)
            {
                // This node's claim ran out and another node has the message now: leave the DATA unended,
                // and drop the connection so the server discards it (RFC 5321 section 4.1.1.4).
                LogClaimLost(logger, message.Id, message.Recipient);
                run.Error = $"the claim on message {message.Id} ran out before it was sent; another sender has it";
                return false;
            }
            await using (sent)
            {
                await connection.WriteEndOfDataAsync(cancellationToken);
                endWritten = true;
                await sent.CommitAsync(CancellationToken.None);
            }
            var accepted = await connection.ReadReplyAsync(cancellationToken);
            if (accepted.Code == 250)
            {
                run.Sent++;
                return true;
            }
            await RefusedAsync(message, "the end of DATA", accepted, run, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is IOException or TimeoutException or SmtpException)
        {
            if (endWritten)
            {
                // The whole message and its final dot reached the server: it may well have accepted it,
                // and a second copy is worse than none here (docs/EMAIL.md). It stays sent.
                LogNoReply(logger, message.Id, message.Recipient, e.Message);
                run.Sent++;
            }
            else
            {
                await RetryLaterAsync(message, e.Message, run, cancellationToken);
            }
            run.Error = e.Message;
            return false;
        }
    }

    private async Task RefusedAsync(OutboxMessage message, string stage, SmtpReply reply, Run run, CancellationToken cancellationToken)
    {
        string error = $"{stage}: {reply}";
        if (reply.IsPermanent)
        {
            await store.FailAsync(message.Id, error, time.GetUtcNow(), cancellationToken);
            await store.SuppressAsync(message.Recipient, error, time.GetUtcNow(), cancellationToken);
            LogSuppressed(logger, message.Recipient, error);
            run.Failed++;
        }
        else
        {
            await RetryLaterAsync(message, error, run, cancellationToken);
        }
    }

    private async Task RetryLaterAsync(OutboxMessage message, string error, Run run, CancellationToken cancellationToken)
    {
        if (message.Attempts >= Smtp.MaxAttempts)
        {
            await store.FailAsync(message.Id, $"gave up after {message.Attempts} attempts: {error}", time.GetUtcNow(), cancellationToken);
            run.Failed++;
            return;
        }
        await store.RescheduleAsync(message.Id, time.GetUtcNow() + RetryDelay(message.Attempts), error, cancellationToken);
        run.Retried++;
    }

    /// <summary>Base, doubled per attempt made, capped; times 0.8 to 1.2 so many failures do not retry in step.</summary>
    public TimeSpan RetryDelay(int attemptsMade)
    {
        double doubled = Smtp.RetryBaseDelay.TotalSeconds * Math.Pow(2, Math.Clamp(attemptsMade - 1, 0, 30));
        double capped = Math.Min(doubled, Smtp.RetryMaxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    private FileStream? TryLock()
    {
        Directory.CreateDirectory(options.DataDirectory);
        try
        {
            // FileShare.None takes an exclusive flock on Unix, released by the kernel when the process dies.
            return new FileStream(Path.Combine(options.DataDirectory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private sealed class Run
    {
        public int Sent { get; set; }

        public int Retried { get; set; }

        public int Failed { get; set; }

        public int Suppressed { get; set; }

        public string? Error { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "mail: {Address} refused permanently ({Reply}); no more mail goes to it")]
    private static partial void LogSuppressed(ILogger logger, string address, string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mail: the claim on message {Id} to {Address} ran out before its end of DATA; not ended here, another sender has it")]
    private static partial void LogClaimLost(ILogger logger, long id, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mail: no reply after the end of message {Id} to {Address} ({Error}); counted as sent, not sent again")]
    private static partial void LogNoReply(ILogger logger, long id, string address, string error);
}
