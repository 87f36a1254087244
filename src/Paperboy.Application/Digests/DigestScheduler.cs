using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Digests;

/// <summary>
/// The digests of `paperboy serve`: every <see cref="DigestOptions.PollInterval"/>, the digests whose
/// subscriber's hour has come (<see cref="DigestSchedule"/>) are composed and queued. A failed run is
/// logged and retried at the next poll; the dedupe keys make the retry harmless. A run holds the job lock
/// "digests", so of several nodes sharing a PostgreSQL store one composes at a time; the lock saves the
/// others the work, and the dedupe keys are what keep a digest from being queued twice even if two runs
/// overlap (a lock lost with its connection mid-run).
/// </summary>
public sealed partial class DigestScheduler(IServiceProvider services, DigestOptions options, TimeProvider time, ILogger<DigestScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
            {
                LogFailed(logger, e.Message);
            }
            await Task.Delay(options.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>One run: composes and queues the due digests, unless another node is doing so now.</summary>
    /// <returns>False when the run was skipped for another node's.</returns>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var jobLock = await services.GetRequiredService<IJobLocks>().TryAcquireJobLockAsync("digests", cancellationToken);
        if (jobLock is null)
        {
            LogHeldElsewhere(logger);
            return false;
        }
        await services.GetRequiredService<DigestService>().SendAsync(ignoreSchedule: false, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "digests: run skipped, another node is composing digests")]
    private static partial void LogHeldElsewhere(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "digests: the run failed and is retried at the next poll: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
