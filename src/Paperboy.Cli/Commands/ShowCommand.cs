using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Catalog;
using Paperboy.Application.Contracts;
using Paperboy.Cli.Output;
using Spectre.Console;
using Paperboy.Core.Papers;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy show ID [--json]: one paper by any form of its id.</summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "An arXiv id in any form (2401.01234v2, hep-th/9901001, an arxiv.org URL) or a title: id" };
        var json = new Option<bool>("--json") { Description = "Print the paper as JSON" };
        var command = new Command("show", "Show one paper") { id, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var paper = await services.GetRequiredService<PaperCatalog>().FindAsync(parsed.GetValue(id)!, cancellationToken);
            if (paper is null)
            {
                await Console.Error.WriteLineAsync($"paperboy: no paper with id '{parsed.GetValue(id)}'");
                return ExitCodes.PartlyRejected;
            }
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(PaperResource.From(paper));
            }
            else
            {
                Print(paper);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(Paper paper)
    {
        var links = paper.Links;
        Terminal.Out.MarkupLine($"[bold]{Terminal.Escape(paper.Title)}[/]");
        Terminal.Out.MarkupLine(Terminal.Escape(string.Join(", ", paper.Authors)));
        Terminal.Out.WriteLine();
        Line("Id", paper.Id + (paper.LatestVersion > 0 ? $" (v{paper.LatestVersion})" : ""));
        Line("Categories", string.Join(" ", paper.Categories));
        Line("Published", paper.Published?.ToString("yyyy-MM-dd"));
        Line("Updated", paper.Updated?.ToString("yyyy-MM-dd"));
        Line("First seen", paper.FirstSeen?.ToString("yyyy-MM-dd HH:mm 'UTC'"));
        Line("DOI", paper.Doi);
        Line("Journal", paper.JournalRef);
        Line("Comments", paper.Comments);
        Line("Abstract page", links.Abstract?.ToString());
        Line("PDF", links.Pdf?.ToString());
        Line("Code", string.Join(" ", links.Code));
        if (paper.Withdrawn)
        {
            Terminal.Out.MarkupLine("[red]Withdrawn by the authors.[/]");
        }
        Terminal.Out.WriteLine();
        Terminal.Out.WriteLine(paper.Abstract);
    }

    private static void Line(string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Terminal.Out.MarkupLine($"[dim]{label,-14}[/]{Terminal.Escape(value)}");
        }
    }
}
