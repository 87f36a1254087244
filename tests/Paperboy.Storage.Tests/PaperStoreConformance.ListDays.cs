using Paperboy.Core.Papers;

namespace Paperboy.Storage.Tests;

/// <summary>The dated lists' queries: entries of a range of list days, and the days around one.</summary>
public abstract partial class PaperStoreConformance
{
    [Fact]
    public async Task A_paper_is_listed_on_its_trending_date_else_its_first_version_date_else_the_day_it_was_stored()
    {
        await using var temp = await CreateStoreAsync();
        var trending = Papers.Arxiv("2403.00001", "Trending") with
        {
            Published = new DateTimeOffset(2024, 3, 1, 18, 0, 0, TimeSpan.Zero),
            Engagement = new PaperEngagement { Upvotes = 42, TrendingDate = new DateOnly(2024, 3, 5) },
        };
        var published = Papers.Arxiv("2403.00002", "Published") with { Published = new DateTimeOffset(2024, 3, 4, 23, 30, 0, TimeSpan.Zero) };
        var stored = Papers.TitleOnly("Known by title only") with { FirstSeen = new DateTimeOffset(2024, 3, 6, 8, 0, 0, TimeSpan.Zero) };
        await temp.Store.UpsertAsync([trending, published, stored], None);

        var entries = (await temp.Store.ListDayEntriesAsync(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), None))
            .ToDictionary(e => e.Id);

        Assert.Equal(new DateOnly(2024, 3, 5), entries["2403.00001"].Day);
        Assert.Equal(42, entries["2403.00001"].Upvotes);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 18, 0, 0, TimeSpan.Zero), entries["2403.00001"].Published);
        Assert.Equal(["cs.LG", "stat.ML"], entries["2403.00001"].Categories);
        Assert.Equal(new DateOnly(2024, 3, 4), entries["2403.00002"].Day);
        Assert.Equal(0, entries["2403.00002"].Upvotes);
        Assert.Equal(new DateOnly(2024, 3, 6), entries[stored.Id].Day);
        Assert.Null(entries[stored.Id].Published);
    }

    [Fact]
    public async Task Entries_of_a_range_include_both_ends_and_nothing_outside()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Store.UpsertAsync(
            [OnDay("2403.00001", 3, 3), OnDay("2403.00002", 3, 4), OnDay("2403.00003", 3, 10), OnDay("2403.00004", 3, 11)], None);

        var entries = await temp.Store.ListDayEntriesAsync(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 10), None);

        Assert.Equal(["2403.00002", "2403.00003"], entries.Select(e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_days_around_a_day_skip_days_without_papers()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Store.UpsertAsync([OnDay("2403.00001", 3, 1), OnDay("2403.00002", 3, 5), OnDay("2403.00003", 3, 9)], None);

        Assert.Equal(new DateOnly(2024, 3, 9), await temp.Store.LatestListDayAsync(null, None));
        Assert.Equal(new DateOnly(2024, 3, 5), await temp.Store.LatestListDayAsync(new DateOnly(2024, 3, 9), None));
        Assert.Equal(new DateOnly(2024, 3, 1), await temp.Store.LatestListDayAsync(new DateOnly(2024, 3, 5), None));
        Assert.Null(await temp.Store.LatestListDayAsync(new DateOnly(2024, 3, 1), None));
        Assert.Equal(new DateOnly(2024, 3, 5), await temp.Store.EarliestListDayAfterAsync(new DateOnly(2024, 3, 1), None));
        Assert.Equal(new DateOnly(2024, 3, 9), await temp.Store.EarliestListDayAfterAsync(new DateOnly(2024, 3, 6), None));
        Assert.Null(await temp.Store.EarliestListDayAfterAsync(new DateOnly(2024, 3, 9), None));
    }

    private static Paper OnDay(string id, int month, int day) =>
        Papers.Arxiv(id, $"Paper {id}") with { Published = new DateTimeOffset(2024, month, day, 12, 0, 0, TimeSpan.Zero) };
}
