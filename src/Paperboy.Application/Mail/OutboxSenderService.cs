using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Paperboy.Application.Mail;

/// <summary>
/// The background sender of `paperboy serve`: a pass over the due mail when mail is queued and at
/// least every <see cref="SmtpOptions.PollInterval"/>. Does nothing without an SMTP host.
/// </summary>
public sealed partial class OutboxSenderService(OutboxSender sender, OutboxSignal signal, SmtpOptions smtp, TimeProvider time, ILogger<OutboxSenderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Configured)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await sender.SendDueAsync(stoppingToken);
                if (report.Sent + report.Retried + report.Failed + report.Suppressed > 0 || report.Error is not null)
                {
                    LogPass(logger, report.Sent, report.Retried, report.Failed, report.Suppressed, report.Error ?? "ok");
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                // The store was unavailable for a moment; the next pass tries again.
                LogFailed(logger, e.Message);
            }
            await signal.WaitAsync(smtp.PollInterval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "mail: {Sent} sent, {Retried} to retry, {Failed} failed, {Suppressed} to suppressed addresses ({Outcome})")]
    private static partial void LogPass(ILogger logger, int sent, int retried, int failed, int suppressed, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "mail: the sender's pass failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
