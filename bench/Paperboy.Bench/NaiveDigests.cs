using System.Diagnostics;
using System.Globalization;
using Paperboy.Application.Digests;
using Paperboy.Application.Searching;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Bench;

/// <summary>
/// The peer: composing digests the way <see cref="DigestCandidates"/> avoids, one full search through
/// <see cref="PaperSearchService"/> per subscriber and topic, restricted to the subscriber's window
/// (<c>cat:cs.LG date:from..to</c>, <c>saved words date:from..to</c>, <c>author:"jane doe" date:from..to</c>),
/// each returning at most <see cref="DigestOptions.MaxQueryMatches"/> papers loaded from the store, as a
/// search page would; then merged per subscriber, deduplicated, ranked by topics matched then best score,
/// and cut to <see cref="DigestOptions.MaxPapers"/>. It neither renders nor queues, nor checks what was
/// sent before, so it does less than the run it is compared with.
/// </summary>
internal static class NaiveDigests
{
    public static async Task<NaiveFigures> RunAsync(IReadOnlyList<Subscriber> subscribers, PaperSearchService search, DigestSchedule schedule,
        DigestOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int searches = 0;
        long papers = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var subscriber in subscribers)
        {
            var slot = schedule.Immediate(subscriber, now);
            var dates = string.Create(CultureInfo.InvariantCulture, $"date:{slot.From:yyyy-MM-dd}..{slot.To:yyyy-MM-dd}");
            var merged = new Dictionary<string, (int Topics, float Score)>(StringComparer.Ordinal);
            foreach (var topic in subscriber.Settings.Topics)
            {
                var result = await search.SearchAsync($"{QueryFor(topic)} {dates}", options.MaxQueryMatches, 0, cancellationToken);
                searches++;
                foreach (var hit in result.Hits)
                {
                    var known = merged.GetValueOrDefault(hit.Paper.Id);
                    merged[hit.Paper.Id] = (known.Topics + 1, Math.Max(known.Score, hit.Score));
                }
            }
            papers += merged
                .OrderByDescending(m => m.Value.Topics)
                .ThenByDescending(m => m.Value.Score)
                .ThenBy(m => m.Key, StringComparer.Ordinal)
                .Take(options.MaxPapers)
                .Count();
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new NaiveFigures(subscribers.Count, searches, seconds, subscribers.Count / seconds, searches / seconds,
            (double)papers / Math.Max(1, subscribers.Count));
    }

    public static string QueryFor(SubscriptionTopic topic) => topic.Kind switch
    {
        TopicKind.Category => "cat:" + topic.Key,
        TopicKind.Author => $"author:\"{topic.Key}\"",
        _ => topic.Key,
    };
}

/// <summary>The peer over its sample: searches run, seconds, rates, and the mean digest size it would send (no trending papers).</summary>
internal sealed record NaiveFigures(int Subscribers, int Searches, double Seconds, double SubscribersPerSecond, double SearchesPerSecond, double PapersPerDigest);
