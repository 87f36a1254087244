namespace Paperboy.Core.Mail;

/// <summary>How many outbox messages are in each state.</summary>
public sealed record OutboxCounts(int Queued, int Sending, int Sent, int Failed);
