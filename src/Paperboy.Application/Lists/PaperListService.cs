using Paperboy.Core.Storage;
using Paperboy.Search;

namespace Paperboy.Application.Lists;

/// <summary>
/// The dated lists (daily, weekly, monthly) and the trending list, for the web pages, feeds and API.
/// A list reads the light entries of its period from the store, ranks and counts them here, and loads
/// only the papers of the page it shows (docs/WEB.md has the rules).
/// </summary>
public sealed class PaperListService(IPaperStore store, ILocalUpvoteCounts localUpvotes, TrendingOptions trending, TimeProvider time)
{
    /// <summary>A paper is new on a list when its first version appeared on the list's last day or the
    /// day before: arXiv announces a submission the next weekday, so a paper on today's list was often
    /// submitted yesterday.</summary>
    public const int NewWithinDays = 2;

    public const int MaxLimit = 100;

    public TrendingOptions Trending => trending;

    /// <summary>The latest day that has papers, or null for an empty store.</summary>
    public Task<DateOnly?> LatestDayAsync(CancellationToken cancellationToken) => store.LatestListDayAsync(null, cancellationToken);

    /// <summary>The list of the period that holds the latest day with papers; null for an empty store.</summary>
    public async Task<PaperList?> LatestAsync(ListKind kind, ListQuery query, CancellationToken cancellationToken)
    {
        var latest = await LatestDayAsync(cancellationToken);
        return latest is { } day ? await GetAsync(ListPeriod.Containing(kind, day), query, cancellationToken) : null;
    }

    /// <summary>One page of a period's list, with the nearest periods before and after it that have papers.</summary>
    public async Task<PaperList> GetAsync(ListPeriod period, ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var list = await RankAsync(period.First, period.Last, query, cancellationToken);
        var before = await store.LatestListDayAsync(period.First, cancellationToken);
        var after = await store.EarliestListDayAfterAsync(period.Last, cancellationToken);
        return list with
        {
            Period = period,
            Previous = before is { } b ? ListPeriod.Containing(period.Kind, b) : null,
            Next = after is { } a ? ListPeriod.Containing(period.Kind, a) : null,
        };
    }

    /// <summary>
    /// The trending list: papers listed on the <see cref="TrendingOptions.WindowDays"/> days up to the
    /// latest day with papers, by default ordered by <see cref="TrendingScore"/>. Empty for an empty store.
    /// </summary>
    public async Task<PaperList> TrendingAsync(ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var latest = await LatestDayAsync(cancellationToken) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return await RankAsync(latest.AddDays(1 - trending.WindowDays), latest, query, cancellationToken);
    }

    private async Task<PaperList> RankAsync(DateOnly from, DateOnly to, ListQuery query, CancellationToken cancellationToken)
    {
        int limit = Math.Clamp(query.Limit, 1, MaxLimit);
        int offset = Math.Max(0, query.Offset);
        var entries = await store.ListDayEntriesAsync(from, to, cancellationToken);
        var local = await localUpvotes.CountAsync(entries.Select(e => e.Id).ToList(), cancellationToken);
        var now = time.GetUtcNow();
        var ranked = entries
            .Select(e =>
            {
                int upvotes = e.Upvotes + local.GetValueOrDefault(e.Id);
                return new Ranked(e, upvotes, TrendingScore.Of(upvotes, TrendingScore.AgeHours(e.Day, now), trending));
            })
            .ToList();

        var categories = CountCategories(entries);
        var category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim();
        var shown = category is null
            ? ranked
            : ranked.Where(r => r.Entry.Categories.Contains(category, StringComparer.OrdinalIgnoreCase)).ToList();
        shown.Sort(Order(query.Sort));

        var page = shown.Skip(offset).Take(limit).ToList();
        var papers = await store.GetManyAsync(page.Select(r => r.Entry.Id).ToList(), cancellationToken);
        var byId = papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var newSince = to.AddDays(1 - NewWithinDays);
        var listed = page
            .Where(r => byId.ContainsKey(r.Entry.Id))
            .Select(r => new ListedPaper(byId[r.Entry.Id], r.Entry.Day, r.Upvotes,
                r.Entry.Published is { } published && DateOnly.FromDateTime(published.UtcDateTime) >= newSince, r.Score))
            .ToList();
        return new PaperList(from, to, query.Sort, category, shown.Count, offset, listed, categories);
    }

    private static List<FacetValue> CountCategories(IReadOnlyList<PaperListEntry> entries) =>
        entries
            .SelectMany(e => e.Categories.Distinct(StringComparer.Ordinal))
            .GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Value, StringComparer.Ordinal)
            .ToList();

    // Every order ends with the id, so a page never shifts between two requests.
    private static Comparison<Ranked> Order(ListSort sort) => sort switch
    {
        ListSort.Newest => (a, b) => Chain(
            Nullable.Compare(b.Entry.Published, a.Entry.Published),
            b.Entry.Day.CompareTo(a.Entry.Day),
            string.CompareOrdinal(a.Entry.Id, b.Entry.Id)),
        ListSort.Upvotes => (a, b) => Chain(
            b.Upvotes.CompareTo(a.Upvotes),
            b.Score.CompareTo(a.Score),
            string.CompareOrdinal(a.Entry.Id, b.Entry.Id)),
        _ => (a, b) => Chain(
            b.Score.CompareTo(a.Score),
            b.Upvotes.CompareTo(a.Upvotes),
            Nullable.Compare(b.Entry.Published, a.Entry.Published),
            string.CompareOrdinal(a.Entry.Id, b.Entry.Id)),
    };

    private static int Chain(params ReadOnlySpan<int> comparisons)
    {
        foreach (var c in comparisons)
        {
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    private sealed record Ranked(PaperListEntry Entry, int Upvotes, double Score);
}
