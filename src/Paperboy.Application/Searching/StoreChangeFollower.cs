using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Searching;

/// <summary>
/// Keeps `serve`'s search index current with a store that other processes write (several nodes on one
/// PostgreSQL database, or `paperboy import` beside a running serve): when the store announces a
/// change (<see cref="IStoreChanges"/>), or at the latest every <see cref="PollInterval"/>, the index
/// catches up from the change feed, so the next search does not have to.
/// </summary>
public sealed partial class StoreChangeFollower(IPaperStore store, PaperSearchService search, TimeProvider time, ILogger<StoreChangeFollower> logger)
    : BackgroundService
{
    /// <summary>The fallback when no announcement comes (a store that cannot announce, a lost connection).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long seen = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                long generation = await store.GetGenerationAsync(stoppingToken);
                if (generation != seen)
                {
                    await search.GetIndexAsync(stoppingToken);
                    seen = generation;
                }
                if (store is IStoreChanges changes)
                {
                    await changes.WaitForChangeAsync(PollInterval, stoppingToken);
                }
                else
                {
                    await Task.Delay(PollInterval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogFailed(logger, e.Message);
                await Task.Delay(PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "search: could not follow the store's changes: {Error}; trying again")]
    private static partial void LogFailed(ILogger logger, string error);
}
