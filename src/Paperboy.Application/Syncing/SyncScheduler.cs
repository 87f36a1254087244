using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Storage;
using Paperboy.Ingest.Sources;

namespace Paperboy.Application.Syncing;

/// <summary>
/// The background syncs of `paperboy serve`: at each scheduled moment, every configured source once,
/// one after the other. A failing source is logged and recorded, never fatal to the server. Each source
/// runs under its job lock ("sync:SOURCE"), so when several nodes share a PostgreSQL store only one of
/// them syncs it at each moment and the others skip it.
/// </summary>
public sealed partial class SyncScheduler(IServiceProvider services, SyncSchedule schedule, TimeProvider time, ILogger<SyncScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!schedule.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow());
            if (next is null)
            {
                return;
            }
            LogNext(logger, next.Value);
            await Task.Delay(next.Value - time.GetUtcNow(), time, stoppingToken);
            await RunOnceAsync(stoppingToken);
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var sync = services.GetRequiredService<SyncService>();
        var locks = services.GetRequiredService<IJobLocks>();
        foreach (var source in schedule.Sources)
        {
            await using var jobLock = await locks.TryAcquireJobLockAsync("sync:" + source, cancellationToken);
            if (jobLock is null)
            {
                LogHeldElsewhere(logger, source);
                continue;
            }
            try
            {
                var report = await sync.RunAsync(source, new SyncRequest(schedule.Categories, null, null, null), null, cancellationToken);
                LogRan(logger, source, report.Added, report.Updated, report.Error ?? "ok");
            }
            catch (ArgumentException e)
            {
                LogMisconfigured(logger, source, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sync: next scheduled run at {Next:u}")]
    private static partial void LogNext(ILogger logger, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "sync: {Source}: {Added} added, {Updated} updated ({Outcome})")]
    private static partial void LogRan(ILogger logger, string source, int added, int updated, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "sync: {Source}: skipped, another node is syncing it")]
    private static partial void LogHeldElsewhere(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "sync: scheduled source {Source} cannot run: {Error}")]
    private static partial void LogMisconfigured(ILogger logger, string source, string error);
}
