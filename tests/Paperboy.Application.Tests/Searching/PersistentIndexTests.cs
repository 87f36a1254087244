using Microsoft.Extensions.Logging.Abstractions;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;

namespace Paperboy.Application.Tests.Searching;

/// <summary>The search service over the persistent index in the data directory, against a real store.</summary>
public sealed class PersistentIndexTests : IAsyncLifetime
{
    private readonly AppServices _app = new(loadDemoCorpus: false);

    private IPaperStore Store => _app.Get<IPaperStore>();

    [Fact]
    public async Task A_second_process_opens_the_committed_index_instead_of_rebuilding_it()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration")], CancellationToken.None);
        using (var first = NewService())
        {
            Assert.Equal(1, (await first.SearchAsync("axolotl", 10, 0, CancellationToken.None)).TotalMatches);
        }
        var committed = SearchIndex.Open(Path.Combine(_app.DataDirectory, "index"));
        Assert.Equal(1, committed.DocumentCount);
        Assert.Equal((await Store.GetGenerationAsync(CancellationToken.None)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            committed.CommitData[PaperSearchService.StoreGenerationKey]);

        using var second = NewService();
        var index = await second.GetIndexAsync(CancellationToken.None);
        Assert.Equal(1, index.DocumentCount);
        Assert.Equal(1, index.SegmentCount);
    }

    [Fact]
    public async Task The_index_catches_up_with_changed_and_removed_papers()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration"), Paper("2401.00002", "Salamander limbs")], CancellationToken.None);
        using var search = NewService();
        Assert.Equal(["2401.00001"], await search.RankAsync("axolotl", 10, CancellationToken.None));

        // A new version changes the title; a title-only paper arrives and then merges into its arXiv record.
        await Store.UpsertAsync([Paper("2401.00001", "Newt regeneration") with { Versions = [new PaperVersion(2, null)] }], CancellationToken.None);
        await Store.UpsertAsync([new Paper { Id = "title:only", Title = "Tardigrade survival in space" }], CancellationToken.None);
        Assert.Equal(["title:only"], await search.RankAsync("tardigrade", 10, CancellationToken.None));
        await Store.UpsertAsync([Paper("2401.00003", "Tardigrade survival in space")], CancellationToken.None);

        Assert.Empty(await search.RankAsync("axolotl", 10, CancellationToken.None));
        Assert.Equal(["2401.00001"], await search.RankAsync("newt", 10, CancellationToken.None));
        var tardigrade = await search.RankAsync("tardigrade", 10, CancellationToken.None);
        Assert.Equal(["2401.00003"], tardigrade);
        Assert.Equal(3, (await search.GetIndexAsync(CancellationToken.None)).DocumentCount);
    }

    [Fact]
    public async Task A_damaged_index_is_rebuilt_from_the_store()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration")], CancellationToken.None);
        using (var first = NewService())
        {
            await first.GetIndexAsync(CancellationToken.None);
        }
        var segment = Directory.GetFiles(Path.Combine(_app.DataDirectory, "index"), "*.pbi").Single();
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[bytes.Length / 3] ^= 0x01;
        await File.WriteAllBytesAsync(segment, bytes);

        using var second = NewService();
        Assert.Equal(["2401.00001"], await second.RankAsync("axolotl", 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_process_that_finds_the_index_locked_searches_the_last_commit()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration")], CancellationToken.None);
        using var writer = NewService();
        await writer.GetIndexAsync(CancellationToken.None);

        using var reader = NewService();
        Assert.Equal(["2401.00001"], await reader.RankAsync("axolotl", 10, CancellationToken.None));
        await Store.UpsertAsync([Paper("2401.00002", "Axolotl genomes")], CancellationToken.None);
        // The reader cannot write; once the writer has caught up, the reader sees its commit.
        Assert.Single(await reader.RankAsync("axolotl", 10, CancellationToken.None));
        await writer.GetIndexAsync(CancellationToken.None);
        Assert.Equal(2, (await reader.RankAsync("axolotl", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Reindex_replaces_the_index_with_one_built_from_every_stored_paper()
    {
        await Store.UpsertAsync([.. Enumerable.Range(1, 30).Select(i => Paper($"2401.{i:00000}", $"Axolotl study {i}"))], CancellationToken.None);
        using var search = NewService();
        await search.GetIndexAsync(CancellationToken.None);

        var rebuilt = await search.ReindexAsync(CancellationToken.None);

        Assert.Equal(30, rebuilt.DocumentCount);
        Assert.Equal(30, (await search.SearchAsync("axolotl", 10, 0, CancellationToken.None)).TotalMatches);
    }

    private PaperSearchService NewService() => new(Store, SearchSettings.Default,
        new PaperboyOptions { DataDirectory = _app.DataDirectory }, NullLogger<PaperSearchService>.Instance);

    private static Paper Paper(string id, string title) => new() { Id = id, ArxivId = id, Title = title, Abstract = "An abstract." };

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls a test class's DisposeAsync, and the data directory was left behind.
    public async Task DisposeAsync() => await _app.DisposeAsync();
}
