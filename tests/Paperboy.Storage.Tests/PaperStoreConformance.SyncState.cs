using Paperboy.Core.Storage;

namespace Paperboy.Storage.Tests;

/// <summary>Sync checkpoints and the run history (ISyncStateStore).</summary>
public abstract partial class PaperStoreConformance
{
    [Fact]
    public async Task A_checkpoint_is_set_replaced_and_removed()
    {
        await using var temp = await CreateStoreAsync();

        Assert.Null(await temp.SyncState.GetCheckpointAsync("oai-pmh:cs", None));
        await temp.SyncState.SetCheckpointAsync("oai-pmh:cs", "{\"token\":\"1\"}", None);
        await temp.SyncState.SetCheckpointAsync("oai-pmh:cs", "{\"token\":\"2\"}", None);
        string? replaced = await temp.SyncState.GetCheckpointAsync("oai-pmh:cs", None);
        await temp.SyncState.SetCheckpointAsync("oai-pmh:cs", null, None);

        Assert.Equal("{\"token\":\"2\"}", replaced);
        Assert.Null(await temp.SyncState.GetCheckpointAsync("oai-pmh:cs", None));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_with_their_outcome()
    {
        await using var temp = await CreateStoreAsync();
        long first = await temp.SyncState.StartRunAsync("arxiv-rss", "cs", None);
        await temp.SyncState.FinishRunAsync(first, new SyncRunResult(3, 1, 2, 0, null), None);
        long second = await temp.SyncState.StartRunAsync("oai-pmh", "set cs", None);
        await temp.SyncState.FinishRunAsync(second, new SyncRunResult(0, 0, 0, 0, "fetch: gave up"), None);
        long third = await temp.SyncState.StartRunAsync("hf-daily", "2024-10-25", None);

        var runs = await temp.SyncState.ListRunsAsync(10, None);

        Assert.Equal([third, second, first], runs.Select(r => r.Id));
        Assert.Equal(["running", "failed", "ok"], runs.Select(r => r.Status));
        Assert.Equal(new SyncRunResult(3, 1, 2, 0, null), runs[2].Result);
        Assert.Equal("fetch: gave up", runs[1].Result!.Error);
        Assert.Equal("set cs", runs[1].Description);
    }

    [Fact]
    public async Task A_run_left_unfinished_by_a_killed_process_is_marked_interrupted_when_its_source_runs_again()
    {
        await using var temp = await CreateStoreAsync();
        long killed = await temp.SyncState.StartRunAsync("oai-pmh", "set cs", None);
        long other = await temp.SyncState.StartRunAsync("hf-daily", "today", None);

        long next = await temp.SyncState.StartRunAsync("oai-pmh", "set cs", None);
        var runs = (await temp.SyncState.ListRunsAsync(10, None)).ToDictionary(r => r.Id);

        Assert.Equal("failed", runs[killed].Status);
        Assert.Equal(SyncRun.InterruptedError, runs[killed].Result!.Error);
        Assert.Equal("running", runs[other].Status);
        Assert.Equal("running", runs[next].Status);
    }
}
