using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The store contract (IPaperStore and ISyncStateStore, docs/STORE.md) as tests that every store must
/// pass: each concrete subclass runs all of them against its own store, made fresh for every test.
/// Tests of one store's machinery (SQLite's WAL mode, PostgreSQL's migrations) live beside that store.
/// </summary>
public abstract partial class PaperStoreConformance
{
    private protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty, initialized store that the test disposes.</summary>
    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task Upserting_the_same_papers_twice_changes_nothing_the_second_time()
    {
        await using var temp = await CreateStoreAsync();
        Paper[] papers = [Papers.Arxiv("2401.00001", "First paper"), Papers.TitleOnly("Second paper")];

        var first = await temp.Store.UpsertAsync(papers, None);
        long generation = await temp.Store.GetGenerationAsync(None);
        var second = await temp.Store.UpsertAsync(papers, None);

        Assert.Equal(new UpsertSummary(2, 0, 0), first);
        Assert.Equal(new UpsertSummary(0, 0, 2), second);
        Assert.Equal(generation, await temp.Store.GetGenerationAsync(None));
        Assert.Equal(2, await temp.Store.CountAsync(None));
    }

    [Fact]
    public async Task A_paper_round_trips_every_field()
    {
        await using var temp = await CreateStoreAsync();
        var paper = Papers.Arxiv("2401.00002", "Round trip", version: 3) with
        {
            Doi = "10.1000/xyz",
            JournalRef = "J. Tests 1 (2024)",
            Comments = "12 pages",
            CodeLinks = ["https://github.com/example/repo"],
            Withdrawn = true,
            Updated = new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero),
        };

        await temp.Store.UpsertAsync([paper], None);
        var stored = await temp.Store.GetAsync("2401.00002", None);

        Assert.NotNull(stored);
        Assert.NotNull(stored.FirstSeen);
        Assert.Equal(PaperFingerprint.Of(paper), PaperFingerprint.Of(stored));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], stored.Authors);
        Assert.Equal(["cs.LG", "stat.ML"], stored.Categories);
        Assert.Equal(3, stored.LatestVersion);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), stored.Versions[2].Submitted);
        Assert.True(stored.Withdrawn);
        Assert.Equal("10.1000/xyz", stored.Doi);
    }

    [Fact]
    public async Task A_newer_version_updates_the_paper_and_an_older_one_does_not()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00003", "Versioned", version: 2)], None);

        var newer = await temp.Store.UpsertAsync([Papers.Arxiv("2401.00003", "Versioned", version: 3)], None);
        var older = await temp.Store.UpsertAsync([Papers.Arxiv("2401.00003", "Versioned", version: 1)], None);
        var stored = await temp.Store.GetAsync("2401.00003", None);

        Assert.Equal(1, newer.Updated);
        Assert.Equal(1, older.Unchanged);
        Assert.Equal("Abstract of Versioned at v3.", stored!.Abstract);
        Assert.Equal(3, stored.LatestVersion);
    }

    [Fact]
    public async Task A_title_only_paper_merges_into_its_arxiv_record_when_the_id_arrives()
    {
        await using var temp = await CreateStoreAsync();
        var saved = Papers.TitleOnly("Scaling Rectified Flow Transformers");
        await temp.Store.UpsertAsync([saved], None);
        var firstSeen = (await temp.Store.GetAsync(saved.Id, None))!.FirstSeen;

        var summary = await temp.Store.UpsertAsync([Papers.Arxiv("2403.03206", "Scaling  rectified flow transformers")], None);

        Assert.Equal(1, summary.Updated);
        Assert.Equal(1, await temp.Store.CountAsync(None));
        var merged = await temp.Store.GetAsync("2403.03206", None);
        Assert.Equal("2403.03206", merged!.Id);
        Assert.Equal(firstSeen, merged.FirstSeen);
        Assert.Null(await temp.Store.GetAsync(saved.Id, None));
    }

    [Fact]
    public async Task A_title_only_paper_arriving_after_its_arxiv_record_does_not_overwrite_it()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Store.UpsertAsync([Papers.Arxiv("2403.03206", "Scaling Rectified Flow Transformers")], None);

        var summary = await temp.Store.UpsertAsync([Papers.TitleOnly("Scaling Rectified Flow Transformers", "Different page text.")], None);

        Assert.Equal(1, summary.Unchanged);
        Assert.Equal(1, await temp.Store.CountAsync(None));
        Assert.Equal("Abstract of Scaling Rectified Flow Transformers at v1.", (await temp.Store.GetAsync("2403.03206", None))!.Abstract);
    }

    [Fact]
    public async Task Two_arxiv_papers_with_the_same_title_stay_two_papers()
    {
        await using var temp = await CreateStoreAsync();

        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00010", "Introduction"), Papers.Arxiv("2401.00011", "Introduction")], None);

        Assert.Equal(2, await temp.Store.CountAsync(None));
    }

    [Theory]
    [InlineData("2401.00004")]
    [InlineData("2401.00004v2")]
    [InlineData("arXiv:2401.00004")]
    [InlineData("https://arxiv.org/abs/2401.00004v1")]
    [InlineData("oai:arXiv.org:2401.00004")]
    public async Task A_paper_is_found_by_any_form_of_its_arxiv_id(string form)
    {
        await using var temp = await CreateStoreAsync();
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00004", "Found")], None);

        var paper = await temp.Store.GetAsync(form, None);

        Assert.Equal("2401.00004", paper?.Id);
    }

    [Fact]
    public async Task An_old_style_id_with_a_slash_is_stored_and_found()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Store.UpsertAsync([Papers.Arxiv("hep-th/9901001", "Old style")], None);

        Assert.Equal("hep-th/9901001", (await temp.Store.GetAsync("hep-th/9901001v2", None))?.Id);
        Assert.Null(await temp.Store.GetAsync("hep-th/9901002", None));
    }

    [Fact]
    public async Task GetMany_returns_papers_in_the_order_asked_and_skips_unknown_ids()
    {
        await using var temp = await CreateStoreAsync();
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00005", "A"), Papers.Arxiv("2401.00006", "B")], None);

        var papers = await temp.Store.GetManyAsync(["2401.00006", "missing", "2401.00005"], None);

        Assert.Equal(["2401.00006", "2401.00005"], papers.Select(p => p.Id));
    }

    [Fact]
    public async Task Recent_papers_come_newest_first_and_scan_returns_all()
    {
        await using var temp = await CreateStoreAsync();
        var older = Papers.Arxiv("2401.00007", "Older") with { Published = new DateTimeOffset(2023, 5, 1, 0, 0, 0, TimeSpan.Zero) };
        var newer = Papers.Arxiv("2401.00008", "Newer") with { Published = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero) };
        await temp.Store.UpsertAsync([older, newer], None);

        var recent = await temp.Store.ListRecentAsync(0, 10, None);
        var scanned = new List<string>();
        await foreach (var paper in temp.Store.ScanAsync(None))
        {
            scanned.Add(paper.Id);
        }

        Assert.Equal(["2401.00008", "2401.00007"], recent.Select(p => p.Id));
        Assert.Equal(["2401.00007", "2401.00008"], scanned);
        Assert.Single(await temp.Store.ListRecentAsync(1, 10, None));
    }

    [Fact]
    public async Task The_generation_grows_only_when_papers_change()
    {
        await using var temp = await CreateStoreAsync();
        long start = await temp.Store.GetGenerationAsync(None);

        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00009", "Gen")], None);
        long afterAdd = await temp.Store.GetGenerationAsync(None);
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00009", "Gen")], None);

        Assert.Equal(start + 1, afterAdd);
        Assert.Equal(afterAdd, await temp.Store.GetGenerationAsync(None));
    }

    [Fact]
    public async Task Papers_without_a_title_are_stored_apart_and_never_merge_by_title()
    {
        await using var temp = await CreateStoreAsync();
        var untitled = new Paper { Id = "doc:1", Title = "", Abstract = "first" };
        var alsoUntitled = new Paper { Id = "doc:2", Title = " . ", Abstract = "second" };

        var summary = await temp.Store.UpsertAsync([untitled, alsoUntitled], None);

        Assert.Equal(2, summary.Added);
        Assert.Equal("second", (await temp.Store.GetAsync("doc:2", None))!.Abstract);
    }

    [Fact]
    public async Task Engagement_round_trips_and_the_newest_report_wins_over_any_rank()
    {
        await using var temp = await CreateStoreAsync();
        var monday = new DateTimeOffset(2024, 10, 21, 9, 0, 0, TimeSpan.Zero);
        var arxiv = Papers.Arxiv("2410.17243", "Trending", version: 2);
        var hfMonday = Papers.Arxiv("2410.17243", "Trending", version: 0, source: "hf-daily") with
        {
            Versions = [],
            Engagement = new PaperEngagement { Upvotes = 12, Comments = 1, TrendingDate = new DateOnly(2024, 10, 21), SubmittedBy = "akhaliq", Keywords = ["video"], ReportedAt = monday },
        };
        var hfTuesday = hfMonday with { Engagement = hfMonday.Engagement! with { Upvotes = 40, ReportedAt = monday.AddDays(1) } };

        await temp.Store.UpsertAsync([arxiv], None);
        await temp.Store.UpsertAsync([hfTuesday], None);
        var stale = await temp.Store.UpsertAsync([hfMonday], None);
        var stored = await temp.Store.GetAsync("2410.17243", None);

        Assert.Equal(1, stale.Unchanged);
        Assert.Equal(40, stored!.Engagement!.Upvotes);
        Assert.Equal(new DateOnly(2024, 10, 21), stored.Engagement.TrendingDate);
        Assert.Equal(["video"], stored.Engagement.Keywords);
        Assert.Equal("akhaliq", stored.Engagement.SubmittedBy);
        Assert.Equal(2, stored.LatestVersion);
        Assert.Equal("Abstract of Trending at v2.", stored.Abstract);
    }
}
