using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>
/// Composes one subscriber's digest from the run's <see cref="DigestCandidates"/> (docs/DIGESTS.md):
/// every paper listed since the window's first day that matches any topic (its categories, saved
/// searches, authors, and what its account follows), once however many topics it matches, with a
/// why-line per topic; never a paper the subscriber was already sent. Ranked by how many topics a paper
/// matches, then its trending score, then the newer first version, then id. Trending papers follow, for
/// those who asked, skipping any already in the digest or sent before.
/// </summary>
public sealed class DigestComposer(ISubscriptionStore subscriptions, IFollowStore follows, DigestOptions options)
{
    public const string TrendingToday = "trending today";
    public const string TrendingThisWeek = "trending this week";

    public async Task<Digest> ComposeAsync(Subscriber subscriber, DigestSlot slot, DigestCandidates candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(candidates);
        var matched = new Dictionary<string, Match>(StringComparer.Ordinal);
        foreach (var topic in await TopicsAsync(subscriber, cancellationToken))
        {
            switch (topic.Kind)
            {
                case TopicKind.Category:
                    foreach (var candidate in candidates.InCategory(topic.Key))
                    {
                        Add(matched, slot, candidate, topic, SiteLinks.Describe(topic));
                    }
                    break;
                case TopicKind.Author:
                    foreach (var (candidate, author) in candidates.ByAuthor(topic.Key))
                    {
                        Add(matched, slot, candidate, topic, $"by {author}");
                    }
                    break;
                default:
                    foreach (var (candidate, score) in candidates.ForQuery(topic.Key))
                    {
                        Add(matched, slot, candidate, topic, SiteLinks.Describe(topic)).BestScore(score);
                    }
                    break;
            }
        }
        var trending = subscriber.Settings.Trending ? candidates.Trending : [];
        var delivered = await subscriptions.ListDeliveredAsync(subscriber.Id,
            matched.Keys.Concat(trending.Select(t => t.Paper.Id)).ToHashSet(StringComparer.Ordinal), cancellationToken);

        var matches = matched.Values
            .Where(m => !delivered.Contains(m.Candidate.Paper.Id))
            .OrderByDescending(m => m.Topics.Count)
            .ThenByDescending(m => m.Candidate.Trending)
            .ThenByDescending(m => m.Score)
            .ThenByDescending(m => m.Candidate.Paper.Published)
            .ThenBy(m => m.Candidate.Paper.Id, StringComparer.Ordinal)
            .Take(options.MaxPapers)
            .Select(m => new DigestItem(m.Candidate.Paper, m.Candidate.Day, m.Reasons))
            .ToList();
        var inDigest = matches.Select(m => m.Paper.Id).ToHashSet(StringComparer.Ordinal);
        string why = slot.Weekly ? TrendingThisWeek : TrendingToday;
        var trendingItems = trending
            .Where(t => !delivered.Contains(t.Paper.Id) && inDigest.Add(t.Paper.Id))
            .Take(options.TrendingPapers)
            .Select(t => new DigestItem(t.Paper, t.Day, [why]))
            .ToList();
        return new Digest(subscriber, slot, matches, trendingItems);
    }

    /// <summary>The subscription's own topics, then what its account follows that it does not already name.</summary>
    private async Task<IReadOnlyList<SubscriptionTopic>> TopicsAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        if (!subscriber.Settings.Follows || subscriber.AccountId is not { } account)
        {
            return subscriber.Settings.Topics;
        }
        var topics = subscriber.Settings.Topics.ToList();
        foreach (var follow in await follows.ListFollowsAsync(account, cancellationToken))
        {
            var kind = follow.Kind == FollowKind.Author ? TopicKind.Author : TopicKind.Category;
            if (!topics.Any(t => t.Kind == kind && t.Key == follow.Key))
            {
                topics.Add(new SubscriptionTopic(kind, follow.Key, follow.Label));
            }
        }
        return topics;
    }

    private static Match Add(Dictionary<string, Match> matched, DigestSlot slot, DigestCandidate candidate, SubscriptionTopic topic, string reason)
    {
        if (!matched.TryGetValue(candidate.Paper.Id, out var match))
        {
            match = new Match(candidate);
            if (candidate.Day >= slot.From && candidate.Day <= slot.To)
            {
                matched[candidate.Paper.Id] = match;
            }
        }
        match.Add(topic, reason);
        return match;
    }

    private sealed class Match(DigestCandidate candidate)
    {
        public DigestCandidate Candidate { get; } = candidate;
        public HashSet<(TopicKind, string)> Topics { get; } = [];
        public List<string> Reasons { get; } = [];
        public float Score { get; private set; }

        public void Add(SubscriptionTopic topic, string reason)
        {
            if (Topics.Add((topic.Kind, topic.Key)) && !Reasons.Contains(reason, StringComparer.Ordinal))
            {
                Reasons.Add(reason);
            }
        }

        public void BestScore(float score) => Score = Math.Max(Score, score);
    }
}
