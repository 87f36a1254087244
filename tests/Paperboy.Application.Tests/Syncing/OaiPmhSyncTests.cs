using Paperboy.Testing;

namespace Paperboy.Application.Tests.Syncing;

public sealed class OaiPmhSyncTests
{
    private const int Pages = 3;
    private const int PerPage = 4;
    private static readonly OaiPmhPages Harvest = new(SyncHarness.Fixture("oai-pmh", "hepcrawl_listrecords_arXiv_hep-th_3records.xml"));

    private static Task ServePage(Microsoft.AspNetCore.Http.HttpContext context)
    {
        string? token = context.Request.Query["resumptionToken"];
        if (token is null)
        {
            return Respond.Text(context, Harvest.Page(0, Pages, PerPage), "text/xml");
        }
        return OaiPmhPages.PageOf(token) is { } page
            ? Respond.Text(context, Harvest.Page(page, Pages, PerPage), "text/xml")
            : Respond.File(context, SyncHarness.Fixture("oai-pmh", "mikesaelim_error_badResumptionToken.xml"), "text/xml");
    }

    [Fact]
    public async Task A_harvest_follows_resumption_tokens_to_the_end()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/oai", (c, _) => ServePage(c));

        var report = await sync.RunAsync("oai-pmh", "physics:hep-th");

        Assert.Null(report.Error);
        Assert.Equal(Pages * PerPage, report.Added);
        var queries = sync.Server.Requests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)).ToList();
        Assert.Equal("ListRecords", queries[0]["verb"]);
        Assert.Equal("physics:hep-th", queries[0]["set"]);
        Assert.Equal("2024-01-01", queries[0]["from"]);
        Assert.Equal([null, "harvest|1", "harvest|2"], queries.Select(q => q["resumptionToken"]));
        var checkpoint = await sync.State.GetCheckpointAsync("oai-pmh:physics:hep-th:arXiv", CancellationToken.None);
        Assert.Contains("\"Token\":null", checkpoint, StringComparison.Ordinal);
        Assert.Contains("\"NextFrom\":\"2017-12-14\"", checkpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_harvest_that_fails_mid_way_keeps_its_pages_and_resumes_at_the_failed_token()
    {
        await using var sync = await SyncHarness.StartAsync();
        bool broken = true;
        sync.Server.On("/oai", (c, _) => broken && c.Request.Query["resumptionToken"] == "harvest|2"
            ? Respond.Text(c, Harvest.Page(2, Pages, PerPage)[..300], "text/xml")
            : ServePage(c));

        var failed = await sync.RunAsync("oai-pmh", "physics:hep-th");
        long afterFailure = await sync.Store.CountAsync(CancellationToken.None);
        broken = false;
        var resumed = await sync.RunAsync("oai-pmh", "physics:hep-th");

        Assert.NotNull(failed.Error);
        Assert.Equal(2 * PerPage, afterFailure);
        Assert.Null(resumed.Error);
        Assert.Equal(PerPage, resumed.Added);
        Assert.Equal(Pages * PerPage, await sync.Store.CountAsync(CancellationToken.None));
        Assert.Equal("harvest|2", System.Web.HttpUtility.ParseQueryString(sync.Server.Requests[^1].Query)["resumptionToken"]);
    }

    [Fact]
    public async Task An_expired_resumption_token_restarts_the_window_from_its_start()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/oai", (c, _) => ServePage(c));
        await sync.State.SetCheckpointAsync("oai-pmh:physics:hep-th:arXiv", "{\"Token\":\"expired\",\"From\":\"2024-01-01\",\"Until\":null,\"NextFrom\":null}", CancellationToken.None);

        var report = await sync.RunAsync("oai-pmh", "physics:hep-th");

        Assert.Null(report.Error);
        Assert.Equal(Pages * PerPage, report.Added);
        var tokens = sync.Server.Requests.Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)["resumptionToken"]).ToList();
        Assert.Equal(["expired", null, "harvest|1", "harvest|2"], tokens);
    }

    [Fact]
    public async Task No_records_match_is_an_empty_harvest_not_an_error()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/oai", (c, _) => Respond.File(c, SyncHarness.Fixture("oai-pmh", "mikesaelim_error_noRecordsMatch.xml"), "text/xml"));

        var report = await sync.RunAsync("oai-pmh", "moo");

        Assert.Null(report.Error);
        Assert.Equal(0, report.Added);
    }

    [Fact]
    public async Task A_busy_server_is_waited_for_and_a_dropped_body_fetched_again()
    {
        await using var sync = await SyncHarness.StartAsync();
        sync.Server.On("/oai", (c, hit) => hit switch
        {
            1 => Respond.Unavailable(c, 1),
            3 => Respond.DropMidBody(c, System.Text.Encoding.UTF8.GetBytes(Harvest.Page(1, Pages, PerPage)), "text/xml"),
            _ => ServePage(c),
        });

        var report = await sync.RunAsync("oai-pmh", "physics:hep-th");

        Assert.Null(report.Error);
        Assert.Equal(Pages * PerPage, report.Added);
        Assert.Equal(5, sync.Server.Requests.Count);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("xxe")]
    [InlineData("malformed")]
    public async Task A_bad_page_ends_the_run_with_a_clear_error_and_keeps_what_came_before(string kind)
    {
        await using var sync = await SyncHarness.StartAsync();
        string secret = Path.Combine(sync.App.DataDirectory, "secret.txt");
        Directory.CreateDirectory(sync.App.DataDirectory);
        await File.WriteAllTextAsync(secret, "TOP-SECRET-CONTENT");
        sync.Server.On("/oai", (c, _) => c.Request.Query["resumptionToken"] != "harvest|1" ? ServePage(c) : kind switch
        {
            "html" => Respond.HtmlErrorPage(c),
            "xxe" => Respond.Text(c, $"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://{secret}\">]><OAI-PMH><error code=\"x\">&x;</error></OAI-PMH>", "text/xml"),
            _ => Respond.Text(c, "<OAI-PMH><ListRecords><record>", "text/xml"),
        });

        var report = await sync.RunAsync("oai-pmh", "physics:hep-th");

        Assert.NotNull(report.Error);
        Assert.StartsWith("oai-pmh: ", report.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", report.Error, StringComparison.Ordinal);
        Assert.Equal(PerPage, await sync.Store.CountAsync(CancellationToken.None));
    }
}
