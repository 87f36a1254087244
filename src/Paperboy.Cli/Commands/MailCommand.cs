using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Mail;
using Paperboy.Cli.Output;
using Paperboy.Core.Storage;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy mail send [--json]: one pass over the outbox, sending what is due now, as the server's
/// background sender does. Exit 3 when the pass stopped early (no server, another sender running).
/// </summary>
public static class MailCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var send = new Command("send", "Send the queued mail that is due now") { json };
        send.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var report = await services.GetRequiredService<OutboxSender>().SendDueAsync(cancellationToken);
            var counts = await services.GetRequiredService<IOutboxStore>().CountOutboxAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(new MailSendJson(report.Sent, report.Retried, report.Failed, report.Suppressed, counts.Queued, counts.Sending, report.Error));
            }
            else
            {
                Terminal.Out.MarkupLine(
                    $"Sent [bold]{report.Sent}[/], {report.Retried} to retry, {report.Failed} failed, {report.Suppressed} to suppressed addresses; {counts.Queued} still queued");
                if (report.Error is not null)
                {
                    await Console.Error.WriteLineAsync($"paperboy: {report.Error}");
                }
            }
            return report.Error is null ? ExitCodes.Success : ExitCodes.Failed;
        });
        return new Command("mail", "The mail outbox") { send };
    }

    private sealed record MailSendJson(int Sent, int Retried, int Failed, int Suppressed, int Queued, int Sending, string? Error);
}
