using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Paperboy.Application.Digests;

/// <summary>
/// The digests of `paperboy serve`: every <see cref="DigestOptions.PollInterval"/>, the digests whose
/// subscriber's hour has come (<see cref="DigestSchedule"/>) are composed and queued. A failed run is
/// logged and retried at the next poll; the dedupe keys make the retry harmless.
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
                await services.GetRequiredService<DigestService>().SendAsync(ignoreSchedule: false, stoppingToken);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException)
            {
                LogFailed(logger, e.Message);
            }
            await Task.Delay(options.PollInterval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "digests: the run failed and is retried at the next poll: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
