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
        if (options.Semantic.InstallWordVectors == true && string.IsNullOrWhiteSpace(options.Semantic.ModelPath))
        {
            await InstallAsync(stoppingToken);
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

    // Once per start: a failure (no npm, no registry) is logged and search stays keyword-only until `paperboy embed`.
    private async Task InstallAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var log = new LoggerTextWriter(logger);
            await embedders.GetOrInstallAsync(log, stoppingToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            LogInstallFailed(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "semantic: could not install the word vectors ({Error}); search stays keyword-only until `paperboy embed` succeeds")]
    private static partial void LogInstallFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "semantic: background embedding failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
