using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

public sealed class StatusTests : IAsyncLifetime
{
    private readonly PaperboyWebFactory _factory = new();

    public async Task InitializeAsync()
    {
        var state = _factory.Services.GetRequiredService<ISyncStateStore>();
        long ok = await state.StartRunAsync("arxiv-rss", "cs.LG", CancellationToken.None);
        await state.FinishRunAsync(ok, new SyncRunResult(12, 3, 40, 0, null), CancellationToken.None);
        long failed = await state.StartRunAsync("oai-pmh", "set cs", CancellationToken.None);
        await state.FinishRunAsync(failed, new SyncRunResult(0, 0, 0, 0, "fetch: <b>gave up</b>"), CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Api_status_lists_papers_and_the_latest_runs_newest_first()
    {
        using var json = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/api/status"));
        var root = json.RootElement;

        Assert.Equal(403, root.GetProperty("papers").GetInt64());
        var runs = root.GetProperty("runs");
        Assert.Equal("oai-pmh", runs[0].GetProperty("source").GetString());
        Assert.Equal("failed", runs[0].GetProperty("status").GetString());
        Assert.Equal("fetch: <b>gave up</b>", runs[0].GetProperty("result").GetProperty("error").GetString());
        Assert.Equal(12, runs[1].GetProperty("result").GetProperty("added").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("next_sync").ValueKind);
    }

    [Fact]
    public async Task Status_page_shows_each_run_with_its_error_escaped()
    {
        var page = await Html.GetAsync(_factory.CreateClient(), "/status");

        var rows = page.QuerySelectorAll("table.runs tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("failed", rows[0].ClassName);
        Assert.Contains("fetch: <b>gave up</b>", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table.runs b"));
        Assert.Equal("not scheduled", page.QuerySelector("dl.facts dd:nth-of-type(3) span")!.TextContent);
    }
}
