namespace Paperboy.Application.Mail;

/// <summary>
/// What one pass over the due mail did. <see cref="Error"/> says why the pass stopped early (no SMTP
/// server configured or reachable, another sender running); what it sent before that stays sent.
/// </summary>
public sealed record OutboxRunReport(int Sent, int Retried, int Failed, int Suppressed, string? Error);
