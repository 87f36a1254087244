using System.Text.Json;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>
/// Two `paperboy serve` processes on one PostgreSQL database, each with its own data directory (its
/// own search index), as several nodes behind a reverse proxy run (docs/DEPLOY.md).
/// </summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    private readonly PaperboyProcess _first = new();
    private readonly PaperboyProcess _second = new();
    private ServeNode _a = null!;
    private ServeNode _b = null!;
    private string _store = "";

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        _store = server.ConnectionString(await server.CreateDatabaseAsync());
        foreach (var paperboy in (PaperboyProcess[])[_first, _second])
        {
            paperboy.Environment["Paperboy__Store"] = _store;
            paperboy.Environment["Paperboy__LoadDemoCorpus"] = "false";
            paperboy.Environment["Paperboy__Sync__Enabled"] = "false";
        }
        var import = await _first.RunAsync("import", PaperboyProcess.SeedDirectory, "--json");
        Assert.Equal(0, import.ExitCode);
        _a = new ServeNode(_first);
        _b = new ServeNode(_second);
        await Task.WhenAll(_a.StartAsync(), _b.StartAsync());
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task A_paper_imported_while_both_nodes_run_is_searchable_on_both_within_seconds()
    {
        using var onA = _a.Browser();
        using var onB = _b.Browser();
        string snapshot = Path.Combine(_first.DataDirectory, "late-paper.jsonl");
        await File.WriteAllTextAsync(snapshot, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = "2411.99001",
            ["authors"] = "A. Author",
            ["title"] = "Okapi stripes as camouflage in dappled forest light",
            ["abstract"] = "We measure how okapi stripes break up the outline of the animal.",
            ["categories"] = "q-bio.PE",
            ["versions"] = new[] { new Dictionary<string, string> { ["version"] = "v1", ["created"] = "Mon, 18 Nov 2024 10:00:00 GMT" } },
            ["update_date"] = "2024-11-18",
        }) + "\n");

        // Both nodes have answered a search before the import, so their indexes must catch up by themselves.
        Assert.Equal(0, await TotalAsync(onA, "okapi"));
        Assert.Equal(0, await TotalAsync(onB, "okapi"));
        var import = await _second.RunAsync("import", snapshot, "--json");
        Assert.Equal(0, import.ExitCode);

        // Bounded polling of the public API: a node that never catches up fails after a minute.
        Assert.True(await EventuallyAsync(async () => await TotalAsync(onA, "okapi") == 1 && await TotalAsync(onB, "okapi") == 1));
    }

    [Fact]
    public async Task An_upvote_and_a_saved_paper_given_on_one_node_show_on_the_other()
    {
        using var anonymousA = _a.Browser();
        using var search = JsonDocument.Parse(await anonymousA.GetStringAsync("/api/search?mode=keyword&limit=1&q=rectified+flow"));
        string id = search.RootElement.GetProperty("hits")[0].GetProperty("id").GetString()!;
        string page = "/papers/" + id;

        using var adaOnA = await _a.SignedInAsync("ada@example.org");
        await Forms.SubmitAsync(adaOnA, page, ".paper-actions form[action*='Upvote']");
        await Forms.SubmitAsync(adaOnA, page, ".paper-actions form[action*='Save']");
        using var anonymousB = _b.Browser();
        var seenOnB = await Html.GetAsync(anonymousB, page);
        using var adaOnB = await _b.SignedInAsync("ada@example.org");
        var libraryOnB = await Html.GetAsync(adaOnB, "/library");
        // Ada's second upvote, given on the other node, still counts once.
        await Forms.SubmitAsync(adaOnB, page, ".paper-actions form[action*='Upvote']", new Dictionary<string, string> { ["upvoted"] = "true" });
        var afterBoth = await Html.GetAsync(anonymousA, page);

        Assert.Equal("1", seenOnB.QuerySelector(".upvote-count")?.TextContent);
        Assert.Equal([id], libraryOnB.QuerySelectorAll("article.library-item input[name=ids]").Select(i => i.GetAttribute("value")));
        Assert.Equal("1", afterBoth.QuerySelector(".upvote-count")?.TextContent);
    }

    private static async Task<int> TotalAsync(HttpClient browser, string query)
    {
        using var json = JsonDocument.Parse(await browser.GetStringAsync($"/api/search?mode=keyword&q={Uri.EscapeDataString(query)}"));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (int attempt = 0; attempt < 600; attempt++)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
