using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Storage;
using Paperboy.Semantic.Vectors;

namespace Paperboy.Application.Semantic;

/// <summary>
/// The background embedder of `paperboy serve`: whenever the store has changed (an import, a sync)
/// and an embedder is set up, embeds what is new. Checks every Paperboy:Semantic:CheckInterval; does nothing
/// when Paperboy:Semantic:BackgroundEmbedding is off or another process holds the vectors.
/// </summary>
public sealed partial class EmbeddingService(
    EmbedderProvider embedders, PaperEmbeddings embeddings, IPaperStore store, PaperboyOptions options, TimeProvider time, ILogger<EmbeddingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Semantic.BackgroundEmbedding)
        {
            return;
        }
        long seen = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                long generation = await store.GetGenerationAsync(stoppingToken);
                if (generation != seen && await embedders.GetAsync(stoppingToken) is { } embedder)
                {
                    await embeddings.RunAsync(embedder, progress: null, stoppingToken);
                    seen = generation;
                }
            }
            catch (VectorIndexLockedException)
            {
                // `paperboy embed` (or another serve) is embedding this data directory; look again later.
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException)
            {
                LogFailed(logger, e.Message);
            }
            await Task.Delay(options.Semantic.CheckInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "semantic: background embedding failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
