namespace Paperboy.Cli.Tests;

public sealed class ReindexCommandTests : IDisposable
{
    private readonly PaperboyProcess _paperboy = new();

    [Fact]
    public async Task Reindex_rebuilds_a_damaged_index_from_the_store()
    {
        Assert.Equal(0, (await _paperboy.RunAsync("import", PaperboyProcess.SeedDirectory)).ExitCode);
        Assert.Equal(0, (await _paperboy.RunAsync("search", "program synthesis", "--limit", "1")).ExitCode);
        var index = Path.Combine(_paperboy.DataDirectory, "index");
        foreach (var segment in Directory.GetFiles(index, "*.pbi"))
        {
            await File.WriteAllBytesAsync(segment, (await File.ReadAllBytesAsync(segment))[..100]);
        }

        var run = await _paperboy.RunAsync("reindex", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(403, run.Json().GetProperty("papers").GetInt32());
        Assert.True(run.Json().GetProperty("segments").GetInt32() >= 1);
        var search = await _paperboy.RunAsync("search", "bottom-up program synthesis", "--limit", "3", "--json");
        Assert.Equal(0, search.ExitCode);
        Assert.Equal(3, search.Json().GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Search_sorts_by_newest_and_prints_facets()
    {
        Assert.Equal(0, (await _paperboy.RunAsync("import", PaperboyProcess.SeedDirectory)).ExitCode);

        var json = await _paperboy.RunAsync("search", "diffusion", "--sort", "newest", "--facets", "--json");
        var bad = await _paperboy.RunAsync("search", "diffusion", "--sort", "oldest");

        Assert.Equal(0, json.ExitCode);
        Assert.Equal("newest", json.Json().GetProperty("sort").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, json.Json().GetProperty("facets").ValueKind);
        Assert.Equal(2, bad.ExitCode);
    }

    public void Dispose() => _paperboy.Dispose();
}
