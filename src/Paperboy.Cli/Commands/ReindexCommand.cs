using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Searching;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy reindex [--json]: rebuilds the search index from the store, the cure for a damaged
/// index or a changed analyzer. The old index serves until the new one is committed in one step.
/// </summary>
public static class ReindexCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("reindex", "Rebuild the search index from the stored papers") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var search = services.GetRequiredService<PaperSearchService>();
            var started = Stopwatch.GetTimestamp();
            var index = await search.ReindexAsync(cancellationToken);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(new ReindexJson(index.DocumentCount, index.SegmentCount, Math.Round(seconds, 3)));
            }
            else
            {
                Terminal.Out.MarkupLine($"Indexed [bold]{index.DocumentCount:N0}[/] papers in {seconds:F1} s ({index.SegmentCount} segment(s)) into {Markup.Escape(search.IndexDirectory)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record ReindexJson(int Papers, int Segments, double Seconds);
}
