using Paperboy.Application.Demo;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Tests;

public sealed class DemoAndSearchTests
{
    [Fact]
    public async Task The_demo_corpus_loads_into_an_empty_store_once()
    {
        await using var app = new AppServices();
        var demo = app.Get<DemoCorpus>();

        var first = await demo.EnsureLoadedAsync(CancellationToken.None);
        var second = await demo.EnsureLoadedAsync(CancellationToken.None);

        Assert.Equal(403, first!.PapersInStore);
        Assert.Null(second);
    }

    [Fact]
    public async Task The_demo_corpus_is_not_loaded_when_disabled()
    {
        await using var app = new AppServices(loadDemoCorpus: false);

        Assert.Null(await app.Get<DemoCorpus>().EnsureLoadedAsync(CancellationToken.None));
        Assert.Equal(0, await app.Get<IPaperStore>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Search_sees_papers_stored_after_its_index_was_built()
    {
        await using var app = new AppServices(loadDemoCorpus: false);
        var search = app.Get<PaperSearchService>();
        Assert.Equal(0, (await search.SearchAsync("axolotl", 10, 0, CancellationToken.None)).TotalMatches);

        await app.Get<IPaperStore>().UpsertAsync([new Paper
        {
            Id = "2401.11111",
            ArxivId = "2401.11111",
            Title = "Axolotl limb regeneration",
            Abstract = "We study how the axolotl regrows limbs.",
        }], CancellationToken.None);
        var result = await search.SearchAsync("axolotl", 10, 0, CancellationToken.None);

        Assert.Equal(1, result.TotalMatches);
        Assert.Equal("Axolotl limb regeneration", result.Hits[0].Paper.Title);
    }

    [Fact]
    public async Task A_query_longer_than_the_limit_is_refused()
    {
        await using var app = new AppServices(loadDemoCorpus: false);

        await Assert.ThrowsAsync<QueryTooLongException>(() =>
            app.Get<PaperSearchService>().SearchAsync(new string('a', PaperSearchService.MaxQueryLength + 1), 10, 0, CancellationToken.None));
    }
}
