using Microsoft.Extensions.Logging;

namespace Paperboy.Application.Mail;

/// <summary>
/// The stand-in outbox until SMTP delivery is merged: logs each email's recipient, subject and links at
/// Information level and keeps nothing, so it never dedupes and nothing is ever sent. The real outbox
/// (stored, deduplicated, sent over SMTP with retries) replaces this registration.
/// </summary>
public sealed partial class LogEmailOutbox(ILogger<LogEmailOutbox> logger) : IEmailOutbox
{
    public Task<bool> EnqueueAsync(OutgoingEmail email, string dedupeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        Logged(logger, email.To, email.Subject, dedupeKey, email.TextBody);
        return Task.FromResult(true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email to {To} ({DedupeKey}): {Subject}\n{Text}")]
    private static partial void Logged(ILogger logger, string to, string subject, string dedupeKey, string text);
}
