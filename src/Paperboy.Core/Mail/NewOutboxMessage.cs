namespace Paperboy.Core.Mail;

/// <summary>A message to queue: what <see cref="OutboxMessage"/> holds before any attempt.</summary>
public sealed record NewOutboxMessage(
    string DedupeKey,
    string Recipient,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyDictionary<string, string> Headers,
    string MessageId);
