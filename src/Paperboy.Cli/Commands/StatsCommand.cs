using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Catalog;
using Paperboy.Application.Contracts;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy stats [--json]: what the store holds.</summary>
public static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("stats", "Show what the store holds") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var stats = await services.GetRequiredService<PaperCatalog>().StatsAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(stats);
            }
            else
            {
                Terminal.Out.MarkupLine($"Papers: [bold]{stats.Papers:N0}[/]");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
