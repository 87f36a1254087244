using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Browsing;
using Paperboy.Application.Contracts;
using Paperboy.Application.Searching;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy similar ID [--limit N] [--json]: the papers most like one paper: by meaning once the
/// papers are embedded (paperboy embed), else by their most distinctive words.
/// </summary>
public static class SimilarCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "An arXiv id (2403.03206, hep-th/9901001) or a paper URL" };
        var limit = new Option<int>("--limit") { Description = "How many papers", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("similar", "Papers similar to one paper") { id, limit, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            int take = parsed.GetValue(limit);
            if (take is < 1 or > 1000)
            {
                await Console.Error.WriteLineAsync("paperboy: --limit must be from 1 to 1000");
                return ExitCodes.Usage;
            }
            await using var services = context.BuildServices(parsed);
            var page = await services.GetRequiredService<BrowseService>().PaperAsync(parsed.GetValue(id)!, take, cancellationToken);
            if (page is null)
            {
                await Console.Error.WriteLineAsync($"paperboy: no paper with id '{parsed.GetValue(id)}'");
                return ExitCodes.Failed;
            }
            string by = page.Similar.Count > 0 && page.Similar[0].Match == SearchMatch.Meaning ? "meaning" : "words";
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(new SimilarResource(page.Paper.Id, page.Similar.Select(SearchHitResource.From).ToList()));
                return ExitCodes.Success;
            }
            Terminal.Out.MarkupLine($"Papers like [bold]{Terminal.Escape(page.Paper.Title)}[/] ({Terminal.Escape(page.Paper.Id)}), by {by}:");
            int rank = 0;
            foreach (var hit in page.Similar)
            {
                Terminal.Out.MarkupLine($"{++rank,2}. {Terminal.Escape(hit.Paper.Title)} [dim]{Terminal.Escape(hit.Paper.Id)}  {hit.Score:F3}[/]");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
