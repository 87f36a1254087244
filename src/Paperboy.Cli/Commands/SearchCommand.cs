using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Contracts;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy search QUERY [--limit N] [--sort relevance|newest|upvotes] [--mode keyword|semantic|hybrid] [--facets] [--json]</summary>
public static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string[]>("QUERY") { Arity = ArgumentArity.OneOrMore, Description = "The query; see docs/SEARCH.md for the syntax" };
        var limit = new Option<int>("--limit") { Description = "How many results", DefaultValueFactory = _ => 10 };
        var sort = new Option<string>("--sort") { Description = "Order: relevance (default), newest or upvotes", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong([.. SearchSortNames.All]);
        var facets = new Option<bool>("--facets") { Description = "Also count the matches per category and year" };
        var mode = new Option<string?>("--mode") { Description = "Rank by keyword, semantic or hybrid (default: hybrid once papers are embedded, else keyword)" };
        mode.AcceptOnlyFromAmong([.. SearchModeNames.All]);
        var json = new Option<bool>("--json") { Description = "Print results as JSON" };
        var command = new Command("search", "Search the papers") { query, limit, sort, mode, facets, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string text = string.Join(' ', parsed.GetValue(query)!);
            int take = parsed.GetValue(limit);
            if (take < 1 || text.Length > PaperSearchService.MaxQueryLength)
            {
                await Console.Error.WriteLineAsync($"paperboy: --limit must be at least 1 and the query at most {PaperSearchService.MaxQueryLength} characters");
                return ExitCodes.Usage;
            }
            await using var services = context.BuildServices(parsed);
            SearchSortNames.TryParse(parsed.GetValue(sort), out var order);
            SearchModeNames.TryParse(parsed.GetValue(mode), out var ranking);
            var result = await services.GetRequiredService<PaperSearchService>().SearchAsync(text, take, 0, order, parsed.GetValue(facets), ranking, cancellationToken);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(SearchResource.From(result));
                return ExitCodes.Success;
            }
            Print(result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(PaperSearchResult result)
    {
        if (result.Notice is { } notice)
        {
            Terminal.Error.MarkupLine($"[yellow]{Terminal.Escape(notice)}[/]");
        }
        Terminal.Out.MarkupLine($"{(result.TotalIsLowerBound ? "At least " : "")}{result.TotalMatches:N0} papers match ({SearchModeNames.Name(result.Mode)}).");
        if (result.Facets is { } facets)
        {
            Terminal.Out.MarkupLine($"[dim]Categories: {Terminal.Escape(string.Join(", ", facets.Categories.Select(c => $"{c.Value} {c.Count:N0}")))}[/]");
            Terminal.Out.MarkupLine($"[dim]Years: {Terminal.Escape(string.Join(", ", facets.Years.Select(y => $"{y.Value} {y.Count:N0}")))}[/]");
        }
        int rank = result.Offset;
        foreach (var hit in result.Hits)
        {
            rank++;
            Terminal.Out.WriteLine();
            Terminal.Out.MarkupLine($"{rank,2}. [bold]{Terminal.Markup(hit.Title)}[/]");
            string why = result.Mode == SearchMode.Keyword ? "" : $"  by {SearchHitResource.MatchName(hit.Match)}";
            Terminal.Out.MarkupLine($"    [dim]{Terminal.Escape(hit.Paper.Id)}  score {hit.Score:F2}{why}  {Terminal.Escape(string.Join(", ", hit.Paper.Authors.Take(4)))}[/]");
            Terminal.Out.MarkupLine($"    {Terminal.Markup(hit.Abstract)}");
        }
    }
}
