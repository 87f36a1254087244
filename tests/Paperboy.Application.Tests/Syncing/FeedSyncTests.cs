using Paperboy.Testing;

namespace Paperboy.Application.Tests.Syncing;

public sealed class FeedSyncTests
{
    [Fact]
    public async Task Daily_papers_bring_upvotes_and_the_trending_day()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/api/daily_papers", (c, _) => Respond.File(c, SyncHarness.Fixture("hf-daily-papers", "deep-diver_daily_papers_2024-10-25_TRIMMED_first8.json"), "application/json"));

        var report = await sync.Sync.RunAsync("hf-daily", new Ingest.Sources.SyncRequest([], new DateOnly(2024, 10, 25), new DateOnly(2024, 10, 25), null), null, CancellationToken.None);

        Assert.Null(report.Error);
        Assert.Equal(8, report.Added);
        Assert.Equal("2024-10-25", System.Web.HttpUtility.ParseQueryString(sync.Server.Requests.Single().Query)["date"]);
        var paper = await sync.Store.GetAsync("2410.17243", CancellationToken.None);
        Assert.Equal(64, paper!.Engagement!.Upvotes);
        Assert.Equal(new DateOnly(2024, 10, 25), paper.Engagement.TrendingDate);
        Assert.Equal("2024-10-25", await sync.State.GetCheckpointAsync("hf-daily:last-day", CancellationToken.None));
    }

    [Fact]
    public async Task A_listing_feed_is_fetched_again_only_when_it_changed()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/rss/cs", (c, _) =>
        {
            if (c.Request.Headers.IfNoneMatch == "\"2018-08-30\"")
            {
                c.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
            c.Response.Headers.ETag = "\"2018-08-30\"";
            return Respond.File(c, SyncHarness.Fixture("arxiv-rss", "nim-rss_arxiv_cs_rdf_rss1.0_2018-08-30.rdf"), "application/rdf+xml");
        });

        var first = await sync.RunAsync("arxiv-rss", "cs");
        var second = await sync.RunAsync("arxiv-rss", "cs");

        Assert.Equal(185, first.Added);
        Assert.Equal(0, second.Added + second.Updated + second.Unchanged);
        Assert.Equal("\"2018-08-30\"", sync.Server.Requests[1].Headers["If-None-Match"]);
        Assert.Equal(185, await sync.Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_source_is_refused_by_name()
    {
        await using var sync = await SyncHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sync.RunAsync("gopher"));

        Assert.Contains("unknown source 'gopher'", error.Message, StringComparison.Ordinal);
    }
}
