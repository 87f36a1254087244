using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Syncing;
using Paperboy.Cli.Output;
using Paperboy.Ingest.Sources;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy sync [--source S] [--category CAT]... [--since DATE] [--until DATE] [--base-url URL] [--json]</summary>
public static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string>("--source") { Description = "arxiv-api, oai-pmh, hf-daily or arxiv-rss", DefaultValueFactory = _ => "arxiv-rss" };
        var category = new Option<string[]>("--category") { Description = "An arXiv category (cs.LG) or, for oai-pmh, a set (cs, physics:hep-th); repeatable", AllowMultipleArgumentsPerToken = false };
        var since = new Option<string?>("--since") { Description = "First day, YYYY-MM-DD" };
        var until = new Option<string?>("--until") { Description = "Last day, YYYY-MM-DD" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Another endpoint for the source (a mirror or a test server)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("sync", "Fetch new papers from a source once") { source, category, since, until, baseUrl, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (!TryDate(parsed.GetValue(since), out var from) || !TryDate(parsed.GetValue(until), out var to))
            {
                await Console.Error.WriteLineAsync("paperboy: --since and --until take dates as YYYY-MM-DD");
                return ExitCodes.Usage;
            }
            await using var services = context.BuildServices(parsed);
            var sync = services.GetRequiredService<SyncService>();
            string name = parsed.GetValue(source)!;
            if (!sync.SourceNames.Contains(name))
            {
                await Console.Error.WriteLineAsync($"paperboy: unknown source '{name}'; known: {string.Join(", ", sync.SourceNames)}");
                return ExitCodes.Usage;
            }
            var request = new SyncRequest(parsed.GetValue(category) ?? [], from, to, BaseUrl.Parse(parsed.GetValue(baseUrl)));
            var report = await SyncOutput.WithProgressAsync(
                progress => sync.RunAsync(name, request, progress, cancellationToken), show: !parsed.GetValue(json));
            SyncOutput.Print(report, parsed.GetValue(json));
            return report.Error is not null ? ExitCodes.Failed : report.Rejected > 0 ? ExitCodes.PartlyRejected : ExitCodes.Success;
        });
        return command;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }
}
