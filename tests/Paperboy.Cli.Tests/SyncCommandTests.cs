using System.Globalization;
using System.Web;
using Paperboy.Storage.Sqlite;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>`paperboy sync` as a process against a replay server: a harvest killed at any page resumes and completes.</summary>
public sealed class SyncCommandTests : IAsyncLifetime
{
    private const int Pages = 16;
    private const int PerPage = 25;
    private static readonly OaiPmhPages Harvest = new(Path.Combine(AppContext.BaseDirectory, "fixtures", "oai-pmh", "hepcrawl_listrecords_arXiv_hep-th_3records.xml"));
    private readonly PaperboyProcess _paperboy = new();
    private ReplayServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ReplayServer.StartAsync();
        _server.On("/oai", async (context, _) =>
        {
            // Slow enough that a kill lands between pages, as it would against a real server.
            await Task.Delay(60);
            int page = OaiPmhPages.PageOf(context.Request.Query["resumptionToken"]) ?? 0;
            await Respond.Text(context, Harvest.Page(page, Pages, PerPage), "text/xml");
        });
        _paperboy.Environment["Paperboy__Fetch__MinRequestInterval"] = "00:00:00";
        _paperboy.Environment["Paperboy__Sources__OaiMetadataPrefix"] = "arXiv";
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _paperboy.Dispose();
    }

    private string[] SyncArgs() => ["sync", "--source", "oai-pmh", "--category", "physics:hep-th", "--since", "2024-01-01", "--base-url", _server.Url("/oai").ToString(), "--json"];

    [Fact]
    public async Task A_harvest_killed_mid_way_resumes_and_ends_with_every_paper_once()
    {
        var random = new Random(20261122);
        for (int kill = 0; kill < 3; kill++)
        {
            int before = _server.Requests.Count;
            int killAfter = random.Next(1, 5);
            using var process = _paperboy.Start(SyncArgs());
            // Bounded: the harvest has 16 pages; wait for a few more requests, then kill without warning.
            for (int i = 0; i < 3000 && _server.Requests.Count < before + killAfter && !process.HasExited; i++)
            {
                await Task.Delay(20);
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        int beforeFinal = _server.Requests.Count;

        var final = await _paperboy.RunAsync(SyncArgs());

        Assert.Equal(0, final.ExitCode);
        string? resumedWith = HttpUtility.ParseQueryString(_server.Requests[beforeFinal].Query)["resumptionToken"];
        Assert.NotNull(resumedWith);
        await using var store = SqlitePaperStore.InDataDirectory(_paperboy.DataDirectory);
        Assert.Equal(Pages * PerPage, await store.CountAsync(CancellationToken.None));
        var expected = Enumerable.Range(0, Pages * PerPage).Select(OaiPmhPages.IdOf).ToList();
        var found = await store.GetManyAsync(expected, CancellationToken.None);
        Assert.Equal(expected, found.Select(p => p.Id));
        Assert.All(found.Select((paper, index) => (paper, index)), p =>
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Harvested paper {p.index}: "), p.paper.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_reports_its_counts_as_json_and_an_unknown_source_is_a_usage_error()
    {
        var run = await _paperboy.RunAsync(SyncArgs());
        var unknown = await _paperboy.RunAsync("sync", "--source", "gopher");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Pages * PerPage, run.Json().GetProperty("added").GetInt32());
        Assert.Equal(Pages, run.Json().GetProperty("batches").GetInt32());
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown source 'gopher'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_keeps_failing_exits_3_with_the_reason()
    {
        await using var down = await ReplayServer.StartAsync();
        down.On("/oai", (c, _) => Respond.Text(c, "boom", "text/plain", 500));
        _paperboy.Environment["Paperboy__Fetch__MaxAttempts"] = "2";
        _paperboy.Environment["Paperboy__Fetch__BaseBackoff"] = "00:00:00.010";

        var run = await _paperboy.RunAsync("sync", "--source", "oai-pmh", "--base-url", down.Url("/oai").ToString());

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("answered 500", run.Stderr, StringComparison.Ordinal);
    }
}
