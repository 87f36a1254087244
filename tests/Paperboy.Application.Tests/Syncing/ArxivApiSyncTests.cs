using Paperboy.Testing;

namespace Paperboy.Application.Tests.Syncing;

public sealed class ArxivApiSyncTests
{
    private const string Search = "ewan-m_search_all-science_10entries_2019.xml";

    [Fact]
    public async Task A_category_window_is_paged_with_start_until_the_total()
    {
        await using var sync = await SyncHarness.StartAsync(arxivPageSize: 10);
        // The real first page says 120,839 results; this window holds 11: page two is another real response.
        string first = SyncHarness.FixtureText("arxiv-api", Search).Replace("<opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">120839", "<opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">11", StringComparison.Ordinal);
        string second = SyncHarness.FixtureText("arxiv-api", "pubs_idlist_1710.08557_doi_journalref.xml");
        Assert.Contains(">11<", first, StringComparison.Ordinal);
        sync.Server.On("/api/query", (c, _) => Respond.Text(c, c.Request.Query["start"] == "0" ? first : second, "application/atom+xml"));

        var report = await sync.RunAsync("arxiv-api", "physics.gen-ph");

        Assert.Null(report.Error);
        Assert.Equal(11, report.Added);
        Assert.Equal(2, report.Batches);
        var requests = sync.Server.Requests;
        Assert.Equal(["0", "10"], requests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)["start"]));
        Assert.Equal("cat:physics.gen-ph AND submittedDate:[202401010000 TO 202401022359]", System.Web.HttpUtility.ParseQueryString(requests[0].Query)["search_query"]);
        Assert.NotNull(await sync.Store.GetAsync("1710.08557", CancellationToken.None));
    }

    [Fact]
    public async Task Add_fetches_a_paper_by_any_form_of_its_id()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/api/query", (c, _) => Respond.File(c, SyncHarness.Fixture("arxiv-api", "pubs_idlist_1710.08557_doi_journalref.xml"), "application/atom+xml"));

        var report = await sync.Sync.AddAsync(["https://arxiv.org/abs/1710.08557v1", "not an id"], null, CancellationToken.None);

        Assert.Equal(1, report.Added);
        Assert.Equal(1, report.Rejected);
        Assert.Contains("'not an id' is not an arXiv id or URL", report.Errors);
        Assert.Equal("1710.08557v1", System.Web.HttpUtility.ParseQueryString(sync.Server.Requests[0].Query)["id_list"]);
        var paper = await sync.Store.GetAsync("1710.08557", CancellationToken.None);
        Assert.Equal("arxiv-api", paper!.FieldSources["title"]);
    }

    [Fact]
    public async Task The_api_error_feed_is_an_error_not_a_paper()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/api/query", (c, _) => Respond.Bytes(c, File.ReadAllBytes(SyncHarness.Fixture("arxiv-api", "pubs_idlist_INVALIDID_error_entry_http400.xml")), "application/atom+xml", 400));

        var report = await sync.Sync.AddAsync(["2401.99999"], null, CancellationToken.None);

        Assert.Equal(0, report.Added);
        Assert.Contains("incorrect id format for INVALIDID", report.Error, StringComparison.Ordinal);
        Assert.Equal(0, await sync.Store.CountAsync(CancellationToken.None));
        var run = (await sync.State.ListRunsAsync(1, CancellationToken.None)).Single();
        Assert.Equal("failed", run.Status);
    }
}
