using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Syncing;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy add ID-OR-URL... [--base-url URL] [--json]: fetches single papers from the arXiv API.</summary>
public static class AddCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Argument<string[]>("ID-OR-URL") { Arity = ArgumentArity.OneOrMore, Description = "arXiv ids (2401.01234, hep-th/9901001v2) or arxiv.org URLs" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Another arXiv API endpoint" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("add", "Fetch papers by arXiv id") { ids, baseUrl, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var report = await services.GetRequiredService<SyncService>().AddAsync(parsed.GetValue(ids)!, BaseUrl.Parse(parsed.GetValue(baseUrl)), cancellationToken);
            SyncOutput.Print(report, parsed.GetValue(json));
            return report.Error is not null ? ExitCodes.Failed : report.Rejected > 0 ? ExitCodes.PartlyRejected : ExitCodes.Success;
        });
        return command;
    }
}
