using Paperboy.Core.Subscriptions;

namespace Paperboy.Core.Storage;

/// <summary>
/// Digest subscribers, their topics and the papers each has been sent (docs/DIGESTS.md). Link salts
/// arrive made; the store keeps no link secret of its own.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>Adds an unconfirmed subscriber; null when the address is already subscribed.</summary>
    Task<Subscriber?> AddSubscriberAsync(string email, long? accountId, SubscriptionSettings settings, string linkSalt, string confirmSalt,
        DateTimeOffset now, CancellationToken cancellationToken);

    Task<Subscriber?> GetSubscriberAsync(long id, CancellationToken cancellationToken);

    Task<Subscriber?> FindSubscriberAsync(string email, CancellationToken cancellationToken);

    /// <summary>Replaces settings and topics; false when there is no such subscriber.</summary>
    Task<bool> UpdateSettingsAsync(long id, SubscriptionSettings settings, CancellationToken cancellationToken);

    /// <summary>A new confirmation salt for a subscriber not yet confirmed (each new request revokes the last link).</summary>
    Task<bool> SetConfirmSaltAsync(long id, string confirmSalt, CancellationToken cancellationToken);

    /// <summary>Marks the subscriber confirmed (once: the first time is kept) and drops the confirmation salt.</summary>
    Task<bool> ConfirmSubscriberAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the subscriber with its topics and sent papers; false when there was none.</summary>
    Task<bool> DeleteSubscriberAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every confirmed subscriber with its topics, by id.</summary>
    Task<IReadOnlyList<Subscriber>> ListConfirmedSubscribersAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="paperIds"/> the subscriber has already been sent.</summary>
    Task<IReadOnlySet<string>> ListDeliveredAsync(long subscriberId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records a queued digest in one transaction: its papers as sent, and its time and period as the
    /// subscriber's last digest.
    /// </summary>
    Task RecordDigestAsync(long subscriberId, string period, DateTimeOffset sentAt, IReadOnlyList<string> paperIds, CancellationToken cancellationToken);
}
