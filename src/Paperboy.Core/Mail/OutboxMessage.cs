namespace Paperboy.Core.Mail;

/// <summary>
/// One message in the outbox, rendered once when it was queued: the recipient, the subject, the text
/// and HTML parts and the extra headers, with the Message-ID every attempt to send it carries.
/// </summary>
public sealed record OutboxMessage(
    long Id,
    string DedupeKey,
    string Recipient,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyDictionary<string, string> Headers,
    string MessageId,
    DateTimeOffset QueuedAt,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError);
