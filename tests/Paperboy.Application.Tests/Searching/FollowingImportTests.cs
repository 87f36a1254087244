using Microsoft.Extensions.Logging.Abstractions;
using Paperboy.Application.Searching;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Search;

namespace Paperboy.Application.Tests.Searching;

/// <summary>
/// <see cref="PaperSearchService.FollowAsync"/> indexes what an import stores while it runs. The import
/// here is the test itself writing batches, with rounds every few milliseconds so several land in between;
/// whatever the interleaving, the committed index must equal the store at its final generation.
/// </summary>
public sealed class FollowingImportTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AppServices _app = new(loadDemoCorpus: false);

    private IPaperStore Store => _app.Get<IPaperStore>();

    [Fact]
    public async Task An_index_built_during_an_import_holds_every_stored_paper_and_the_stores_generation()
    {
        using var search = NewService();
        var import = new TaskCompletionSource();

        var following = search.FollowAsync(import.Task, None);
        for (var batch = 0; batch < 5; batch++)
        {
            await Store.UpsertAsync([.. Enumerable.Range(batch * 100, 100).Select(i => Paper($"2401.{i:D5}", $"Axolotl study {i}"))], None);
            await Task.Delay(20);
        }
        import.SetResult();
        var index = await following;

        Assert.Equal(500, index.DocumentCount);
        Assert.Equal(500, (await search.SearchAsync("axolotl", 10, 0, None)).TotalMatches);
        Assert.Equal(await GenerationAsync(), index.CommitData[PaperSearchService.StoreGenerationKey]);
        Assert.Equal(500, SearchIndex.Open(IndexDirectory).DocumentCount);
    }

    [Fact]
    public async Task Papers_changed_and_removed_during_an_import_are_indexed_as_the_store_ends()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration"), Paper("2401.00002", "Salamander limbs")], None);
        using var search = NewService();
        await search.GetIndexAsync(None);
        var import = new TaskCompletionSource();

        var following = search.FollowAsync(import.Task, None);
        await Store.UpsertAsync([Paper("2401.00001", "Newt regeneration") with { Versions = [new PaperVersion(2, null)] }], None);
        await Task.Delay(20);
        await Store.UpsertAsync([new Paper { Id = "title:only", Title = "Tardigrade survival in space" }], None);
        await Task.Delay(20);
        // The arXiv record takes the title-only paper over: the store removes title:only.
        await Store.UpsertAsync([Paper("2401.00003", "Tardigrade survival in space")], None);
        import.SetResult();
        var index = await following;

        Assert.Equal(3, index.DocumentCount);
        Assert.Empty(await search.RankAsync("axolotl", 10, None));
        Assert.Equal(["2401.00001"], await search.RankAsync("newt", 10, None));
        Assert.Equal(["2401.00003"], await search.RankAsync("tardigrade", 10, None));
        Assert.Equal(await GenerationAsync(), index.CommitData[PaperSearchService.StoreGenerationKey]);
    }

    [Fact]
    public async Task A_failed_import_leaves_an_index_of_what_it_stored_and_its_error_to_the_caller()
    {
        using var search = NewService();
        var import = new TaskCompletionSource();

        var following = search.FollowAsync(import.Task, None);
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration")], None);
        import.SetException(new InvalidOperationException("disk full"));
        var index = await following;

        Assert.Equal(1, index.DocumentCount);
        Assert.Equal(await GenerationAsync(), index.CommitData[PaperSearchService.StoreGenerationKey]);
    }

    [Fact]
    public async Task A_cancelled_follow_waits_for_the_import_to_stop_and_commits_nothing()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration")], None);
        using var search = NewService();
        await search.GetIndexAsync(None);
        using var cancel = new CancellationTokenSource();
        var import = new TaskCompletionSource();

        var following = search.FollowAsync(import.Task, cancel.Token);
        await Store.UpsertAsync([Paper("2401.00002", "Salamander limbs")], None);
        await cancel.CancelAsync();
        await Task.Delay(50);
        Assert.False(following.IsCompleted);
        import.SetCanceled();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);
        Assert.Equal(1, SearchIndex.Open(IndexDirectory).DocumentCount);
    }

    [Fact]
    public async Task A_process_that_finds_the_index_locked_returns_its_last_commit_once_the_import_ends()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration")], None);
        using var writer = NewService();
        await writer.GetIndexAsync(None);
        using var reader = NewService();
        var import = new TaskCompletionSource();

        var following = reader.FollowAsync(import.Task, None);
        await Store.UpsertAsync([Paper("2401.00002", "Salamander limbs")], None);
        await Task.Delay(50);
        Assert.False(following.IsCompleted);
        import.SetResult();

        Assert.Equal(1, (await following).DocumentCount);
    }

    [Fact]
    public async Task Batches_this_process_stores_are_indexed_as_reported_and_another_writers_batch_from_the_feed()
    {
        await Store.UpsertAsync([Paper("2401.00001", "Axolotl regeneration")], None);
        var (counted, counter) = FeedCountingStore.Over(Store);
        // A round wakes for each reported batch; the hour-long round keeps timed rounds out of the test.
        using var search = NewService(counted, TimeSpan.FromHours(1));
        await search.GetIndexAsync(None);
        var import = new TaskCompletionSource();

        var following = search.FollowAsync(import.Task, None);
        await Task.Delay(50);
        await Store.UpsertAsync([Paper("2401.00002", "Salamander limbs"), Paper("2401.00003", "Newt eyes")], None);
        await Store.UpsertAsync([new Paper { Id = "title:only", Title = "Tardigrade survival in space" }], None);
        await Store.UpsertAsync([Paper("2401.00004", "Tardigrade survival in space")], None);
        int readsBeforeTheEnd = counter.FeedReads;
        import.SetResult();
        var index = await following;

        Assert.Equal(0, readsBeforeTheEnd);
        Assert.Equal(0, counter.FeedReads);
        Assert.Equal(4, index.DocumentCount);
        Assert.Equal(["2401.00004"], await search.RankAsync("tardigrade", 10, None));
        Assert.Equal(await GenerationAsync(), index.CommitData[PaperSearchService.StoreGenerationKey]);

        // The same, with a batch from another store object between two of this one's: a gap in the reports.
        var second = new TaskCompletionSource();
        following = search.FollowAsync(second.Task, None);
        await Task.Delay(50);
        await Store.UpsertAsync([Paper("2401.00005", "Platypus venom")], None);
        await using (var other = new Paperboy.Storage.Sqlite.SqlitePaperStore(Path.Combine(_app.DataDirectory, "paperboy.db")))
        {
            await other.UpsertAsync([Paper("2401.00006", "Platypus bills")], None);
        }
        await Store.UpsertAsync([Paper("2401.00007", "Platypus eggs")], None);
        second.SetResult();
        index = await following;

        Assert.Equal(2, counter.FeedReads);
        Assert.Equal(7, index.DocumentCount);
        Assert.Equal(["2401.00005", "2401.00006", "2401.00007"], (await search.RankAsync("platypus", 10, None)).Order(StringComparer.Ordinal));
        Assert.Equal(await GenerationAsync(), index.CommitData[PaperSearchService.StoreGenerationKey]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls a test class's DisposeAsync, and the data directory was left behind.
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string IndexDirectory => Path.Combine(_app.DataDirectory, "index");

    private async Task<string> GenerationAsync() =>
        (await Store.GetGenerationAsync(None)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private PaperSearchService NewService() => NewService(Store, TimeSpan.FromMilliseconds(5));

    private PaperSearchService NewService(IPaperStore store, TimeSpan round) => new(store, SearchSettings.Default,
        new PaperboyOptions { DataDirectory = _app.DataDirectory }, NullLogger<PaperSearchService>.Instance)
    {
        FollowRound = round,
    };

    private static Paper Paper(string id, string title) => new() { Id = id, ArxivId = id, Title = title, Abstract = "An abstract." };
}
