using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Paperboy.Application.Contracts;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;

namespace Paperboy.Application.Tests.Searching;

/// <summary>
/// A ranked search stops counting at 10,000 matches: the API's total is then 10,000, marked as a lower
/// bound; facets and orders other than relevance still count every match.
/// </summary>
public sealed class MatchTotalTests : IAsyncLifetime
{
    private const int Papers = SearchRequest.DefaultExactTotalUpTo + 150;

    private readonly AppServices _app = new(loadDemoCorpus: false);

    [Fact]
    public async Task Past_ten_thousand_matches_the_total_is_a_marked_lower_bound_unless_facets_count_them_all()
    {
        var store = _app.Get<IPaperStore>();
        var papers = Enumerable.Range(0, Papers).Select(i => new Paper
        {
            Id = $"2401.{i:D5}",
            ArxivId = $"2401.{i:D5}",
            Title = i % 50 == 0 ? "Axolotl regeneration atlas" : $"Axolotl limb study {i}",
            Abstract = i % 2 == 0 ? "Even papers mention salamanders." : "Odd papers do not.",
            Categories = ["q-bio.TO"],
        }).ToList();
        await store.UpsertAsync(papers, CancellationToken.None);
        using var search = new PaperSearchService(store, SearchSettings.Default, new PaperboyOptions { DataDirectory = _app.DataDirectory },
            NullLogger<PaperSearchService>.Instance);

        var ranked = await search.SearchAsync("axolotl atlas", 10, 0, CancellationToken.None);
        Assert.Equal((SearchRequest.DefaultExactTotalUpTo, true), (ranked.TotalMatches, ranked.TotalIsLowerBound));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"2401.{i * 50:D5}"), ranked.Hits.Select(h => h.Paper.Id));

        var json = JsonSerializer.SerializeToElement(SearchResource.From(ranked), ResourceJson.Options);
        Assert.Equal(SearchRequest.DefaultExactTotalUpTo, json.GetProperty("total").GetInt32());
        Assert.True(json.GetProperty("total_is_lower_bound").GetBoolean());

        var faceted = await search.SearchAsync("axolotl atlas", 10, 0, SearchSort.Relevance, facets: true, CancellationToken.None);
        Assert.Equal((Papers, false), (faceted.TotalMatches, faceted.TotalIsLowerBound));
        Assert.Equal(ranked.Hits.Select(h => h.Paper.Id), faceted.Hits.Select(h => h.Paper.Id));
        var newest = await search.SearchAsync("axolotl", 10, 0, SearchSort.Newest, facets: false, CancellationToken.None);
        Assert.Equal((Papers, false), (newest.TotalMatches, newest.TotalIsLowerBound));
        var fewer = await search.SearchAsync("salamanders", 10, 0, CancellationToken.None);
        Assert.Equal((Papers / 2, false), (fewer.TotalMatches, fewer.TotalIsLowerBound));
        Assert.False(JsonSerializer.SerializeToElement(SearchResource.From(fewer), ResourceJson.Options).GetProperty("total_is_lower_bound").GetBoolean());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls a test class's DisposeAsync, and the data directory was left behind.
    public async Task DisposeAsync() => await _app.DisposeAsync();
}
