using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

/// <summary>
/// Papers stored while the app runs (as a sync or an import in another process would) are found by
/// the next search, which catches the index up; the API orders them and counts their facets.
/// </summary>
public sealed class SearchOrderAndFacetsTests : IAsyncLifetime
{
    private readonly PaperboyWebFactory _factory = new();

    public async Task InitializeAsync()
    {
        _ = await _factory.CreateClient().GetAsync("/api/search?q=warm+up"); // the demo corpus is loaded and indexed
        await _factory.Services.GetRequiredService<IPaperStore>().UpsertAsync(
        [
            Paper("2401.00001", "Zephyrine lattices in two dimensions", ["cond-mat.str-el", "quant-ph"], "2024-01-03", upvotes: 3),
            Paper("2312.00002", "Zephyrine models of spin glasses", ["cond-mat.dis-nn"], "2023-12-01", upvotes: 12),
            Paper("2402.00003", "Learning zephyrine phases", ["cs.LG", "cond-mat.str-el"], "2024-02-20", upvotes: 0),
            Paper("2105.00004", "A zephyrine bound", ["quant-ph"], "2021-05-05", upvotes: 7),
        ], CancellationToken.None);
    }

    [Fact]
    public async Task Papers_stored_while_serving_are_found_newest_first_with_facets_over_all_matches()
    {
        var json = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=zephyrine&limit=2&sort=newest&facets=true");

        Assert.Equal(4, json.GetProperty("total").GetInt32());
        Assert.Equal("newest", json.GetProperty("sort").GetString());
        Assert.Equal(["2402.00003", "2401.00001"], json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        var facets = json.GetProperty("facets");
        Assert.Equal(
            ["cond-mat.str-el 2", "quant-ph 2", "cond-mat.dis-nn 1", "cs.lg 1"],
            facets.GetProperty("categories").EnumerateArray().Select(c => $"{c.GetProperty("value").GetString()} {c.GetProperty("count").GetInt32()}"));
        Assert.Equal(
            ["2024 2", "2023 1", "2021 1"],
            facets.GetProperty("years").EnumerateArray().Select(c => $"{c.GetProperty("value").GetString()} {c.GetProperty("count").GetInt32()}"));
    }

    [Fact]
    public async Task Most_upvoted_order_uses_the_stored_upvotes()
    {
        var json = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=zephyrine&sort=upvotes");

        Assert.Equal(["2312.00002", "2105.00004", "2401.00001", "2402.00003"],
            json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("facets").ValueKind);
    }

    private static Paper Paper(string id, string title, string[] categories, string published, int upvotes) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        Abstract = "An abstract.",
        Categories = categories,
        Published = DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        Engagement = new PaperEngagement { Upvotes = upvotes },
    };

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
