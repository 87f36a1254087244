using Paperboy.Core.Mail;

namespace Paperboy.Core.Storage;

/// <summary>
/// The mail outbox and the suppressed addresses (docs/EMAIL.md). On SQLite one sender at a time works
/// the outbox (the sender holds a lock file), so a row found <see cref="OutboxState.Sending"/> was left
/// by a sender that died and is taken again at once. On PostgreSQL several nodes send at once: a claim
/// is a lease held by one store instance, and only a row whose lease ran out is taken over.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// True when several senders may work this outbox at once, their claims kept apart by the store;
    /// false when the caller must make sure it is the only sender (SQLite's lock file).
    /// </summary>
    bool AllowsConcurrentSenders { get; }

    /// <summary>Queues the message, due at once; false, and nothing changed, when its dedupe key was queued before.</summary>
    Task<bool> EnqueueAsync(NewOutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The next message to send, marked <see cref="OutboxState.Sending"/> with its attempt counted and
    /// claimed by this store instance until <paramref name="now"/> + <paramref name="lease"/>: first any
    /// left sending by a dead sender, then the oldest queued one due at <paramref name="now"/>. A sender
    /// is dead when its lease has run out (PostgreSQL), or whenever the caller holds the outbox alone
    /// (SQLite, where the lease is not needed and ignored).
    /// </summary>
    Task<OutboxMessage?> ClaimNextAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the message sent inside an open transaction; the caller commits it right after the end of DATA
    /// is written. Null, and nothing changed, when the message is no longer this instance's to send (its
    /// claim ran out and another sender took it over): the caller must not end the DATA.
    /// </summary>
    Task<IPendingCommit?> PrepareSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Back to queued, due at <paramref name="nextAttempt"/>, with the error that stopped this attempt.
    /// Like <see cref="FailAsync"/>, it changes nothing when the claim has passed to another sender.
    /// </summary>
    Task RescheduleAsync(long id, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken);

    /// <summary>Failed for good, with the reason.</summary>
    Task FailAsync(long id, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The message queued under this dedupe key, in its current state.</summary>
    Task<OutboxMessage?> GetOutboxMessageAsync(string dedupeKey, CancellationToken cancellationToken);

    Task<OutboxCounts> CountOutboxAsync(CancellationToken cancellationToken);

    /// <summary>Records a permanent refusal of the address; the first reason is kept.</summary>
    Task SuppressAsync(string address, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken);
}
