using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Digests;
using Paperboy.Cli.Output;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy digest send [--now] [--json]: composes and queues the digests that are due (all pending ones
/// with --now); paperboy digest preview EMAIL [--out FILE]: the digest an address would get now, as a
/// MIME message, on stdout or in a file; nothing is queued or recorded.
/// </summary>
public static class DigestCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("digest", "Compose email digests");
        command.Subcommands.Add(Send(context));
        command.Subcommands.Add(Preview(context));
        return command;
    }

    private static Command Send(CliContext context)
    {
        var now = new Option<bool>("--now") { Description = "Ignore each subscriber's schedule: queue every confirmed subscriber's pending digest at once" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("send", "Compose and queue the digests that are due") { now, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var report = await services.GetRequiredService<DigestService>().SendAsync(parsed.GetValue(now), cancellationToken);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(report);
            }
            else
            {
                Console.WriteLine($"{report.Queued} digest(s) queued for {report.Due} due of {report.Subscribers} confirmed subscriber(s); " +
                    $"{report.Empty} had nothing new, {report.Suppressed} suppressed, {report.AlreadyQueued} already queued.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Preview(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "A subscribed address (confirmed or not)" };
        var output = new Option<string?>("--out") { Description = "Write the message to this file (.eml) instead of stdout" };
        var command = new Command("preview", "Write the digest an address would get now, as a MIME message") { email, output };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var preview = await services.GetRequiredService<DigestService>().PreviewAsync(parsed.GetValue(email), cancellationToken);
            if (preview is not { } found)
            {
                await Console.Error.WriteLineAsync($"paperboy: no subscription for '{parsed.GetValue(email)}'");
                return ExitCodes.PartlyRejected;
            }
            string message = MimeText.Render(found.Email);
            if (parsed.GetValue(output) is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, message, cancellationToken);
            }
            else
            {
                Console.Write(message);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
