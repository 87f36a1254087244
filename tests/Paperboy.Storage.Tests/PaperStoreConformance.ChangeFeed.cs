using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Tests;

/// <summary>
/// The change feed a persistent index catches up from: papers stamped after a generation, and ids
/// removed after it.
/// </summary>
public abstract partial class PaperStoreConformance
{
    [Fact]
    public async Task A_fresh_import_is_all_changed_since_generation_zero_in_the_order_it_changed()
    {
        await using var temp = await CreateStoreAsync();
        var store = temp.Store;
        var saved = Papers.TitleOnly("A saved page");

        await store.UpsertAsync([Papers.Arxiv("2401.00003", "Third"), saved, Papers.Arxiv("2401.00002", "Second")], None);
        await store.UpsertAsync([Papers.Arxiv("2401.00001", "First")], None);

        Assert.Equal(2, await store.GetGenerationAsync(None));
        Assert.Equal(["2401.00002", "2401.00003", saved.Id, "2401.00001"], await ChangedAsync(store, 0));
        Assert.Equal(["2401.00001"], await ChangedAsync(store, 1));
        Assert.Empty(await ChangedAsync(store, 2));
        Assert.Empty(await store.ListRemovedSinceAsync(0, None));
    }

    [Fact]
    public async Task A_second_identical_import_changes_nothing_and_restamps_nothing()
    {
        await using var temp = await CreateStoreAsync();
        var store = temp.Store;
        Paper[] papers = [Papers.Arxiv("2401.00001", "First"), Papers.Arxiv("2401.00002", "Second"), Papers.TitleOnly("A saved page")];
        await store.UpsertAsync(papers, None);
        long afterFirst = await store.GetGenerationAsync(None);

        var second = await store.UpsertAsync(papers, None);

        Assert.Equal(new UpsertSummary(0, 0, 3), second);
        Assert.Equal(afterFirst, await store.GetGenerationAsync(None));
        Assert.Empty(await ChangedAsync(store, afterFirst));
        Assert.Empty(await store.ListRemovedSinceAsync(afterFirst, None));
        // Still stamped with the first import's generation, not restamped by the second.
        Assert.Equal(3, (await ChangedAsync(store, afterFirst - 1)).Count);
    }

    [Fact]
    public async Task An_updated_paper_is_listed_since_the_previous_generation_and_the_others_are_not()
    {
        await using var temp = await CreateStoreAsync();
        var store = temp.Store;
        var unchanged = Papers.Arxiv("2401.00001", "Unchanged");
        var other = Papers.Arxiv("2401.00003", "Other");
        await store.UpsertAsync([unchanged, Papers.Arxiv("2401.00002", "Revised"), other], None);
        long previous = await store.GetGenerationAsync(None);

        var summary = await store.UpsertAsync(
            [unchanged, Papers.Arxiv("2401.00002", "Revised", version: 2, abstractText: "A rewritten abstract."), other], None);
        var changed = new List<Paper>();
        await foreach (var paper in store.ScanChangedSinceAsync(previous, None))
        {
            changed.Add(paper);
        }

        Assert.Equal(new UpsertSummary(0, 1, 2), summary);
        Assert.Equal(previous + 1, await store.GetGenerationAsync(None));
        var revised = Assert.Single(changed);
        Assert.Equal("2401.00002", revised.Id);
        Assert.Equal(2, revised.LatestVersion);
        Assert.Equal("A rewritten abstract.", revised.Abstract);
        Assert.Equal(["2401.00001", "2401.00003", "2401.00002"], await ChangedAsync(store, previous - 1));
        Assert.Empty(await store.ListRemovedSinceAsync(previous - 1, None));
    }

    [Fact]
    public async Task A_title_only_paper_merged_into_its_arxiv_record_is_listed_as_removed_and_the_arxiv_id_as_changed()
    {
        await using var temp = await CreateStoreAsync();
        var store = temp.Store;
        var saved = Papers.TitleOnly("Scaling Rectified Flow Transformers");
        await store.UpsertAsync([saved, Papers.Arxiv("2401.00001", "Bystander")], None);
        long beforeMerge = await store.GetGenerationAsync(None);

        await store.UpsertAsync([Papers.Arxiv("2403.03206", "Scaling  rectified flow transformers")], None);
        long afterMerge = await store.GetGenerationAsync(None);

        Assert.Equal(beforeMerge + 1, afterMerge);
        Assert.Equal([saved.Id], await store.ListRemovedSinceAsync(beforeMerge, None));
        Assert.Equal(["2403.03206"], await ChangedAsync(store, beforeMerge));
        // An index that never saw the title-only paper is told to delete it too; deleting nothing is harmless.
        Assert.Equal([saved.Id], await store.ListRemovedSinceAsync(0, None));
        Assert.Equal(["2401.00001", "2403.03206"], await ChangedAsync(store, 0));
        Assert.Empty(await store.ListRemovedSinceAsync(afterMerge, None));
    }

    [Fact]
    public async Task A_row_evicted_by_another_claiming_its_arxiv_id_is_listed_as_removed_until_it_is_stored_again()
    {
        await using var temp = await CreateStoreAsync();
        var store = temp.Store;
        // No source makes an id that is not the arXiv id, but the contract does not forbid it.
        var claimant = Papers.Arxiv("2401.00005", "Claimant") with { Id = "doc:5" };
        await store.UpsertAsync([Papers.Arxiv("2401.00005", "Holder")], None);

        await store.UpsertAsync([claimant], None);
        await store.UpsertAsync([Papers.Arxiv("2401.00005", "Holder", version: 2)], None);

        Assert.Equal(3, await store.GetGenerationAsync(None));
        Assert.Equal(["doc:5"], await store.ListRemovedSinceAsync(2, None));
        Assert.Equal(["2401.00005"], await ChangedAsync(store, 2));
        // 2401.00005 was removed at generation 2 and stored again at 3: it is changed, never removed.
        Assert.Equal(["doc:5"], await store.ListRemovedSinceAsync(0, None));
        Assert.Equal(["2401.00005"], await ChangedAsync(store, 0));
        Assert.Equal(1, await store.CountAsync(None));
    }

    [Fact]
    public async Task A_paper_stored_and_taken_over_in_one_batch_is_listed_as_removed_at_that_batch()
    {
        await using var temp = await CreateStoreAsync();
        var store = temp.Store;
        var saved = Papers.TitleOnly("Graph Neural Networks");

        await store.UpsertAsync([saved, Papers.Arxiv("2401.00003", "Graph neural networks")], None);

        Assert.Equal([saved.Id], await store.ListRemovedSinceAsync(0, None));
        Assert.Equal(["2401.00003"], await ChangedAsync(store, 0));
        Assert.Empty(await store.ListRemovedSinceAsync(1, None));
    }

    internal static async Task<List<string>> ChangedAsync(IPaperStore store, long generation)
    {
        var ids = new List<string>();
        await foreach (var paper in store.ScanChangedSinceAsync(generation, None))
        {
            ids.Add(paper.Id);
        }
        return ids;
    }
}
