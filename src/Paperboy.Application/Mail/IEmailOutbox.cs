namespace Paperboy.Application.Mail;

/// <summary>
/// Stores a rendered message once for the sender to deliver. A second enqueue with the same
/// <c>dedupeKey</c> is a no-op that returns false, so composing the same digest twice never queues it twice.
/// </summary>
public interface IEmailOutbox
{
    /// <returns>True when the message was queued; false when a message with this key was queued before.</returns>
    Task<bool> EnqueueAsync(OutgoingEmail email, string dedupeKey, CancellationToken cancellationToken);
}
