using Microsoft.Extensions.Logging;
using Paperboy.Application.Accounts;
using Paperboy.Application.Mail;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>What a digest run did: confirmed subscribers seen, digests due, queued, already queued before (same dedupe key), empty, suppressed.</summary>
public sealed record DigestRunReport(int Subscribers, int Due, int Queued, int AlreadyQueued, int Empty, int Suppressed, int Candidates);

/// <summary>
/// Composes and queues the digests that are due (`serve` on schedule, `paperboy digest send`), and
/// previews one. Each digest is queued under the key <c>digest:{subscriber}:{period}</c>, so a run
/// repeated after a crash between queueing and recording queues nothing twice; then its papers are
/// recorded as sent and the period as the last, in one transaction.
/// </summary>
public sealed partial class DigestService(
    ISubscriptionStore subscriptions,
    DigestCandidateSource candidateSource,
    DigestComposer composer,
    DigestSchedule schedule,
    SubscriptionLinks links,
    IEmailOutbox outbox,
    IEmailSuppressions suppressions,
    DigestOptions options,
    PaperboyOptions paperboy,
    TimeProvider time,
    ILogger<DigestService> logger)
{
    /// <param name="ignoreSchedule">`--now`: every confirmed subscriber's pending digest at once, whatever their hour.</param>
    public async Task<DigestRunReport> SendAsync(bool ignoreSchedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await subscriptions.ListConfirmedSubscribersAsync(cancellationToken);
        var due = all
            .Select(s => (Subscriber: s, Slot: ignoreSchedule ? schedule.Immediate(s, now) : schedule.Due(s, now)))
            .Where(d => d.Slot is not null)
            .Select(d => (d.Subscriber, Slot: d.Slot!))
            .ToList();
        if (due.Count == 0)
        {
            return new DigestRunReport(all.Count, 0, 0, 0, 0, 0, 0);
        }
        var candidates = await candidateSource.LoadAsync(due.Min(d => d.Slot.From), due.Max(d => d.Slot.To), now, cancellationToken);
        var root = SiteLinks.Root(paperboy);
        int queued = 0, again = 0, empty = 0, suppressed = 0;
        foreach (var (subscriber, slot) in due)
        {
            if (await suppressions.IsSuppressedAsync(subscriber.Email, cancellationToken))
            {
                suppressed++;
                continue;
            }
            var digest = await composer.ComposeAsync(subscriber, slot, candidates, cancellationToken);
            var paperIds = digest.PaperIds.ToList();
            if (digest.IsEmpty && !options.SendEmpty)
            {
                // Recorded all the same, so the slot is spent and the subscriber is not composed again at every poll.
                empty++;
                await subscriptions.RecordDigestAsync(subscriber.Id, slot.Period, now, [], cancellationToken);
                continue;
            }
            var email = DigestRenderer.Render(digest, root, await links.TokenAsync(subscriber, SubscriptionLinkPurpose.Manage, cancellationToken));
            if (await outbox.EnqueueAsync(email, DedupeKey(subscriber, slot), cancellationToken))
            {
                queued++;
            }
            else
            {
                again++;
            }
            await subscriptions.RecordDigestAsync(subscriber.Id, slot.Period, now, paperIds, cancellationToken);
        }
        var report = new DigestRunReport(all.Count, due.Count, queued, again, empty, suppressed, candidates.Count);
        LogRun(logger, report.Due, report.Queued, report.Empty, report.Suppressed, report.Candidates);
        return report;
    }

    /// <summary>
    /// The digest this address would get now, whatever the schedule, rendered; nothing is queued or recorded.
    /// Null when the address has no subscription (confirmed or not).
    /// </summary>
    public async Task<(Digest Digest, Mail.OutgoingEmail Email)?> PreviewAsync(string? email, CancellationToken cancellationToken)
    {
        if (!EmailAddresses.TryNormalize(email, out string address) || await subscriptions.FindSubscriberAsync(address, cancellationToken) is not { } subscriber)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var slot = schedule.Immediate(subscriber, now);
        var candidates = await candidateSource.LoadAsync(slot.From, slot.To, now, cancellationToken);
        var digest = await composer.ComposeAsync(subscriber, slot, candidates, cancellationToken);
        return (digest, DigestRenderer.Render(digest, SiteLinks.Root(paperboy), await links.TokenAsync(subscriber, SubscriptionLinkPurpose.Manage, cancellationToken)));
    }

    public static string DedupeKey(Subscriber subscriber, DigestSlot slot)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(slot);
        return $"digest:{subscriber.Id}:{slot.Period}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "digests: {Due} due, {Queued} queued, {Empty} with nothing new, {Suppressed} suppressed, over {Candidates} papers")]
    private static partial void LogRun(ILogger logger, int due, int queued, int empty, int suppressed, int candidates);
}
