using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Lists;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Tests.Lists;

public sealed class PaperListServiceTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_day_ranks_by_upvotes_counts_categories_and_finds_the_days_around_it()
    {
        await using var app = await WithPapersAsync();
        var lists = app.Get<PaperListService>();

        var list = await lists.GetAsync(Day("2024-03-11"), new ListQuery(), None);

        Assert.Equal(["a", "b", "f"], list.Papers.Select(p => p.Paper.Id));
        Assert.Equal([50, 10, 0], list.Papers.Select(p => p.Upvotes));
        Assert.Equal([("cs.CL", 2), ("cs.CV", 1), ("cs.LG", 1)], list.Categories.Select(c => (c.Value, c.Count)));
        Assert.Equal("2024-03-08", list.Previous!.Value.Slug);
        Assert.Null(list.Next);
    }

    [Fact]
    public async Task New_means_a_first_version_on_the_lists_last_day_or_the_day_before()
    {
        await using var app = await WithPapersAsync();

        var day = await app.Get<PaperListService>().GetAsync(Day("2024-03-11"), new ListQuery(), None);
        var week = await app.Get<PaperListService>().GetAsync(Week("2024-W10"), new ListQuery(ListSort.Newest), None);

        Assert.Equal([true, false, true], day.Papers.Select(p => p.IsNew));
        // The week ends on Sunday the 10th: C, first version on the 7th, is no longer new; nor is D.
        Assert.Equal([("c", false), ("d", false)], week.Papers.Select(p => (p.Paper.Id, p.IsNew)));
    }

    [Fact]
    public async Task Trending_lets_a_fresh_paper_outrank_an_older_one_with_more_upvotes()
    {
        await using var app = await WithPapersAsync();

        var trending = await app.Get<PaperListService>().TrendingAsync(new ListQuery(), None);

        Assert.Equal(new DateOnly(2024, 3, 5), trending.From);
        Assert.Equal(new DateOnly(2024, 3, 11), trending.To);
        Assert.Equal(["a", "b", "c", "f", "d"], trending.Papers.Select(p => p.Paper.Id));
        Assert.Equal(201 / Math.Pow(84 + 2, 1.8), trending.Papers[2].Trending, 1e-12);
    }

    [Fact]
    public async Task Gravity_from_the_options_changes_the_order()
    {
        await using var app = await WithPapersAsync(options => options.Trending.Gravity = 0.3);

        var trending = await app.Get<PaperListService>().TrendingAsync(new ListQuery(), None);

        Assert.Equal(["c", "a", "d", "b", "f"], trending.Papers.Select(p => p.Paper.Id));
    }

    [Fact]
    public async Task Local_upvotes_add_to_imported_ones_in_every_order()
    {
        await using var app = await WithPapersAsync(upvotes: new Dictionary<string, int> { ["f"] = 45 });
        var lists = app.Get<PaperListService>();

        var trending = await lists.GetAsync(Day("2024-03-11"), new ListQuery(), None);
        var byUpvotes = await lists.GetAsync(Day("2024-03-11"), new ListQuery(ListSort.Upvotes), None);

        Assert.Equal(["a", "f", "b"], trending.Papers.Select(p => p.Paper.Id));
        Assert.Equal([50, 45, 10], byUpvotes.Papers.Select(p => p.Upvotes));
    }

    [Fact]
    public async Task A_category_filter_and_a_page_keep_the_counts_of_the_whole_period()
    {
        await using var app = await WithPapersAsync();

        var list = await app.Get<PaperListService>().GetAsync(Month("2024-03"), new ListQuery(ListSort.Upvotes, "CS.cv", Offset: 1, Limit: 1), None);

        Assert.Equal(2, list.Total);
        Assert.Equal(["a"], list.Papers.Select(p => p.Paper.Id));
        Assert.Equal(3, list.Categories.Count);
    }

    [Fact]
    public async Task An_empty_store_has_no_latest_list()
    {
        await using var app = new AppServices(loadDemoCorpus: false);

        Assert.Null(await app.Get<PaperListService>().LatestAsync(ListKind.Daily, new ListQuery(), None));
        Assert.Empty((await app.Get<PaperListService>().TrendingAsync(new ListQuery(), None)).Papers);
    }

    private static async Task<AppServices> WithPapersAsync(Action<PaperboyOptions>? configure = null, Dictionary<string, int>? upvotes = null)
    {
        var app = new AppServices(loadDemoCorpus: false, configure, services =>
        {
            services.AddSingleton<TimeProvider>(new FixedTime(Now));
            if (upvotes is not null)
            {
                services.AddSingleton<ILocalUpvoteCounts>(new StubUpvotes(upvotes));
            }
        });
        await app.Get<IPaperStore>().UpsertAsync(
        [
            Paper("a", ["cs.CV", "cs.LG"], new(2024, 3, 10, 18, 0, 0, TimeSpan.Zero), new DateOnly(2024, 3, 11), 50),
            Paper("b", ["cs.CL"], new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), new DateOnly(2024, 3, 11), 10),
            Paper("c", ["cs.CV"], new(2024, 3, 7, 15, 0, 0, TimeSpan.Zero), new DateOnly(2024, 3, 8), 200),
            Paper("d", ["cs.LG"], new(2024, 3, 4, 10, 0, 0, TimeSpan.Zero), new DateOnly(2024, 3, 5), 30),
            Paper("e", ["stat.ML"], new(2024, 2, 19, 8, 0, 0, TimeSpan.Zero), new DateOnly(2024, 2, 20), 5),
            Paper("f", ["cs.CL"], new(2024, 3, 11, 1, 0, 0, TimeSpan.Zero), null, 0),
        ], None);
        return app;
    }

    private static Paper Paper(string id, IReadOnlyList<string> categories, DateTimeOffset published, DateOnly? trended, int upvotes) => new()
    {
        Id = id,
        Title = $"Paper {id}",
        Abstract = $"The abstract of paper {id}.",
        Categories = categories,
        Published = published,
        Engagement = trended is null ? null : new PaperEngagement { Upvotes = upvotes, TrendingDate = trended },
    };

    private static ListPeriod Day(string slug) => Parse(ListKind.Daily, slug);

    private static ListPeriod Week(string slug) => Parse(ListKind.Weekly, slug);

    private static ListPeriod Month(string slug) => Parse(ListKind.Monthly, slug);

    private static ListPeriod Parse(ListKind kind, string slug) =>
        ListPeriod.TryParse(kind, slug, out var period) ? period : throw new ArgumentException(slug);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class StubUpvotes(Dictionary<string, int> counts) : ILocalUpvoteCounts
    {
        public Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, int>>(counts.Where(c => paperIds.Contains(c.Key)).ToDictionary());
    }
}
