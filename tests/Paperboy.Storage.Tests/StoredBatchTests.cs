using Microsoft.Data.Sqlite;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The batches the SQLite store reports to observers in its process (what follows an import indexes
/// them without reading them back): each must be exactly what the change feed lists for its generation.
/// </summary>
public sealed class StoredBatchTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_reported_batch_is_what_the_change_feed_lists_for_its_generation()
    {
        await using var temp = await TempStore.CreateAsync();
        var store = temp.Store;
        var reported = new List<StoredBatch>();
        using var observation = store.ObserveBatches(Collect(reported));
        var saved = Papers.TitleOnly("Tardigrade survival in space");
        var takenOverLater = Papers.TitleOnly("Axolotl limb regeneration");

        // Added papers; a title-only paper added and taken over by its arXiv record in the same batch;
        // another taken over a batch later; a revised paper; and a batch that changes nothing.
        Paper[][] batches =
        [
            [Papers.Arxiv("2401.00002", "Second"), Papers.Arxiv("2401.00001", "First"), takenOverLater],
            [saved, Papers.Arxiv("2401.00003", "Tardigrade survival in space")],
            [Papers.Arxiv("2401.00004", "Axolotl limb regeneration"), Papers.Arxiv("2401.00001", "First", version: 2)],
            [Papers.Arxiv("2401.00002", "Second")],
        ];
        var expected = new List<(long Generation, List<string> Changed, List<string> Removed, List<string> Fingerprints)>();
        foreach (var batch in batches)
        {
            long before = await store.GetGenerationAsync(None);
            await store.UpsertAsync(batch, None);
            if (await store.GetGenerationAsync(None) == before)
            {
                continue;
            }
            var changed = new List<Paper>();
            await foreach (var paper in store.ScanChangedSinceAsync(before, None))
            {
                changed.Add(paper);
            }
            expected.Add((before + 1, [.. changed.Select(p => p.Id)], [.. await store.ListRemovedSinceAsync(before, None)],
                [.. changed.Select(PaperFingerprint.Of)]));
        }

        Assert.Equal(3, expected.Count);
        Assert.Equal(expected.Select(e => e.Generation), reported.Select(b => b.Generation));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Changed, reported[i].Changed.Select(p => p.Id));
            Assert.Equal(expected[i].Removed, reported[i].Removed);
            Assert.Equal(expected[i].Fingerprints, reported[i].Changed.Select(PaperFingerprint.Of));
        }
        Assert.DoesNotContain(saved.Id, reported[1].Changed.Select(p => p.Id));
        Assert.Equal([saved.Id], reported[1].Removed);
        Assert.Equal([takenOverLater.Id], reported[2].Removed);
    }

    [Fact]
    public async Task Another_store_object_on_the_same_file_is_not_reported_and_a_disposed_observation_hears_nothing()
    {
        await using var temp = await TempStore.CreateAsync();
        var reported = new List<StoredBatch>();
        var observation = temp.Store.ObserveBatches(Collect(reported));
        await using (var other = new SqlitePaperStore(temp.Store.DatabasePath))
        {
            await other.UpsertAsync([Papers.Arxiv("2401.00001", "Written by another process")], None);
        }
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00002", "Written here")], None);
        observation.Dispose();
        await temp.Store.UpsertAsync([Papers.Arxiv("2401.00003", "Written after the observation ended")], None);
        SqliteConnection.ClearAllPools();

        var only = Assert.Single(reported);
        Assert.Equal(2, only.Generation);
        Assert.Equal(["2401.00002"], only.Changed.Select(p => p.Id));
    }

    [Fact]
    public async Task An_upsert_returns_only_once_its_observers_have_taken_the_batch_which_is_already_committed()
    {
        await using var temp = await TempStore.CreateAsync();
        var room = new TaskCompletionSource();
        using var observation = temp.Store.ObserveBatches(async (_, _) => await room.Task);

        var upsert = temp.Store.UpsertAsync([Papers.Arxiv("2401.00001", "Held back")], None);
        await Task.Delay(50);

        Assert.False(upsert.IsCompleted);
        await using (var reader = new SqlitePaperStore(temp.Store.DatabasePath))
        {
            Assert.NotNull(await reader.GetAsync("2401.00001", None));
        }
        room.SetResult();
        Assert.Equal(new UpsertSummary(1, 0, 0), await upsert);
    }

    private static Func<StoredBatch, CancellationToken, ValueTask> Collect(List<StoredBatch> reported) => (batch, _) =>
    {
        reported.Add(batch);
        return ValueTask.CompletedTask;
    };
}
