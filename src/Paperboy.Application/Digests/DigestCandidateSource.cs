using Paperboy.Application.Follows;
using Paperboy.Application.Lists;
using Paperboy.Application.Searching;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Digests;

/// <summary>Loads the <see cref="DigestCandidates"/> of a run from the store, the search index and the trending list.</summary>
public sealed class DigestCandidateSource(
    IPaperStore store, ILocalUpvoteCounts localUpvotes, PaperSearchService search, PaperListService lists, TrendingOptions trending, DigestOptions options)
{
    public async Task<DigestCandidates> LoadAsync(DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = await store.ListDayEntriesAsync(from, to, cancellationToken);
        var ids = entries.Select(e => e.Id).ToList();
        var local = await localUpvotes.CountAsync(ids, cancellationToken);
        var papers = await store.GetManyAsync(ids, cancellationToken);
        var days = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var candidates = papers
            .Select(p =>
            {
                var entry = days[p.Id];
                int upvotes = entry.Upvotes + local.GetValueOrDefault(p.Id);
                return new DigestCandidate(p, entry.Day, TrendingScore.Of(upvotes, TrendingScore.AgeHours(entry.Day, now), trending),
                    p.Authors.Select(FollowKeys.FoldName).ToList());
            })
            .ToList();
        // Room to skip the trending papers a subscriber was already sent.
        var trendingList = options.TrendingPapers == 0
            ? null
            : await lists.TrendingAsync(new ListQuery(Limit: Math.Min(PaperListService.MaxLimit, options.TrendingPapers * 4)), cancellationToken);
        var trendingCandidates = (trendingList?.Papers ?? [])
            .Select(p => new DigestCandidate(p.Paper, p.Day, p.Trending, p.Paper.Authors.Select(FollowKeys.FoldName).ToList()))
            .ToList();
        var index = await search.GetIndexAsync(cancellationToken);
        return new DigestCandidates(candidates, trendingCandidates, index, from, to, options.MaxQueryMatches);
    }
}
