using System.Diagnostics;
using Paperboy.Application.Mail;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Bench;

/// <summary>
/// Where a digest run's time goes, read from inside the timed run: the store and outbox calls
/// <see cref="Paperboy.Application.Digests.DigestService"/> makes go through these decorators, which add up
/// the time spent in each (a timestamp before and after a call; tens of nanoseconds against calls of tens
/// of microseconds). The first suppression check marks the end of the run's set-up (listing subscribers,
/// the schedule, loading the candidates): it is the first thing done per subscriber.
/// </summary>
internal sealed class DigestTimings
{
    public long? FirstSubscriberAt { get; private set; }
    public TimeSpan Suppressions { get; private set; }
    public TimeSpan DeliveredLookups { get; private set; }
    public TimeSpan Enqueueing { get; private set; }
    public TimeSpan Recording { get; private set; }

    /// <summary>Papers recorded as sent, over every digest queued.</summary>
    public long PapersRecorded { get; private set; }

    public void Reset() => (FirstSubscriberAt, Suppressions, DeliveredLookups, Enqueueing, Recording, PapersRecorded) = (null, default, default, default, default, 0);

    private static async Task<T> Time<T>(Func<Task<T>> call, Action<TimeSpan> add)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>The outbox, its enqueue and suppression checks timed.</summary>
    public sealed class Outbox(EmailOutbox inner, DigestTimings timings) : IEmailOutbox, IEmailSuppressions
    {
        public Task<bool> EnqueueAsync(OutgoingEmail email, string dedupeKey, CancellationToken cancellationToken) =>
            Time(() => inner.EnqueueAsync(email, dedupeKey, cancellationToken), t => timings.Enqueueing += t);

        public Task<bool> IsSuppressedAsync(string address, CancellationToken cancellationToken)
        {
            timings.FirstSubscriberAt ??= Stopwatch.GetTimestamp();
            return Time(() => inner.IsSuppressedAsync(address, cancellationToken), t => timings.Suppressions += t);
        }
    }

    /// <summary>The subscription store, the sent-paper lookups and digest records timed.</summary>
    public sealed class Subscriptions(ISubscriptionStore inner, DigestTimings timings) : ISubscriptionStore
    {
        public Task<Subscriber?> AddSubscriberAsync(string email, long? accountId, SubscriptionSettings settings, string linkSalt, string confirmSalt,
            DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.AddSubscriberAsync(email, accountId, settings, linkSalt, confirmSalt, now, cancellationToken);

        public Task<Subscriber?> GetSubscriberAsync(long id, CancellationToken cancellationToken) => inner.GetSubscriberAsync(id, cancellationToken);

        public Task<Subscriber?> FindSubscriberAsync(string email, CancellationToken cancellationToken) => inner.FindSubscriberAsync(email, cancellationToken);

        public Task<bool> UpdateSettingsAsync(long id, SubscriptionSettings settings, CancellationToken cancellationToken) =>
            inner.UpdateSettingsAsync(id, settings, cancellationToken);

        public Task<bool> SetConfirmSaltAsync(long id, string confirmSalt, CancellationToken cancellationToken) =>
            inner.SetConfirmSaltAsync(id, confirmSalt, cancellationToken);

        public Task<bool> ConfirmSubscriberAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.ConfirmSubscriberAsync(id, now, cancellationToken);

        public Task<bool> DeleteSubscriberAsync(long id, CancellationToken cancellationToken) => inner.DeleteSubscriberAsync(id, cancellationToken);

        public Task<IReadOnlyList<Subscriber>> ListConfirmedSubscribersAsync(CancellationToken cancellationToken) =>
            inner.ListConfirmedSubscribersAsync(cancellationToken);

        public Task<IReadOnlySet<string>> ListDeliveredAsync(long subscriberId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken) =>
            Time(() => inner.ListDeliveredAsync(subscriberId, paperIds, cancellationToken), t => timings.DeliveredLookups += t);

        public async Task RecordDigestAsync(long subscriberId, string period, DateTimeOffset sentAt, IReadOnlyList<string> paperIds, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            await inner.RecordDigestAsync(subscriberId, period, sentAt, paperIds, cancellationToken);
            timings.Recording += Stopwatch.GetElapsedTime(started);
            timings.PapersRecorded += paperIds.Count;
        }
    }
}
