using Paperboy.Core.Mail;

namespace Paperboy.Core.Storage;

/// <summary>
/// The mail outbox and the suppressed addresses (docs/EMAIL.md). One sender at a time works the
/// outbox (the sender holds a lock file), so a row found <see cref="OutboxState.Sending"/> when a
/// sender starts was left by a sender that died.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Queues the message, due at once; false, and nothing changed, when its dedupe key was queued before.</summary>
    Task<bool> EnqueueAsync(NewOutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The next message to send, marked <see cref="OutboxState.Sending"/> with its attempt counted:
    /// first any left sending by a dead sender, then the oldest queued one due at <paramref name="now"/>.
    /// </summary>
    Task<OutboxMessage?> ClaimNextAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the message sent inside an open transaction; the caller commits it right after the end of DATA is written.</summary>
    Task<IPendingCommit> PrepareSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Back to queued, due at <paramref name="nextAttempt"/>, with the error that stopped this attempt.</summary>
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
