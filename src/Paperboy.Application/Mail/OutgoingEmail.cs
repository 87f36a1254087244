namespace Paperboy.Application.Mail;

/// <summary>
/// One message as composed, before it is stored in the outbox: a single recipient, a plain-text body
/// and an optional HTML alternative. <see cref="Headers"/> holds extra headers such as
/// <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> (RFC 8058); the sender sets From, To,
/// Subject, Date, Message-ID and the MIME headers itself, and refuses any value holding CR or LF.
/// </summary>
public sealed record OutgoingEmail(
    string To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyDictionary<string, string> Headers);
