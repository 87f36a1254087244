namespace Paperboy.Application.Mail;

public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyDictionary<string, string> Headers);
