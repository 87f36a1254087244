using Paperboy.Application.Semantic;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Syncing;

/// <summary>What the status page and GET /api/status show: papers stored, the latest sync runs, the next scheduled sync, embedding.</summary>
public sealed class StatusService(IPaperStore store, ISyncStateStore state, SyncSchedule schedule, TimeProvider time, PaperEmbeddings embeddings)
{
    public async Task<PaperboyStatus> GetAsync(int runs, CancellationToken cancellationToken) =>
        new(
            await store.CountAsync(cancellationToken),
            await state.ListRunsAsync(runs, cancellationToken),
            schedule.Enabled ? schedule.NextAfter(time.GetUtcNow()) : null,
            schedule.Enabled ? schedule.Sources : [],
            schedule.Enabled ? schedule.Categories : [])
        {
            Embedding = embeddings.Progress,
        };
}

public sealed record PaperboyStatus(
    long Papers,
    IReadOnlyList<SyncRun> Runs,
    DateTimeOffset? NextSync,
    IReadOnlyList<string> ScheduledSources,
    IReadOnlyList<string> ScheduledCategories)
{
    /// <summary>Semantic search: the model, how many papers have vectors of it, whether a run is going on, its last error.</summary>
    public EmbeddingProgress Embedding { get; init; } = EmbeddingProgress.Idle;
}
