using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Evaluation;
using Paperboy.Application.Semantic;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy eval --queries FILE [--limit 10] [--json] | --collection DIR [--json]:
/// ranking quality on a query set against the current data, or on a whole test collection.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var queries = new Option<FileInfo?>("--queries") { Description = "A query set in the dev-eval format (JSON lines: id, query, relevant titles, style)" };
        var collection = new Option<DirectoryInfo?>("--collection") { Description = "A test collection folder: docs.jsonl, queries.tsv, qrels.txt" };
        var limit = new Option<int>("--limit") { Description = "Results per query for --queries", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var mode = new Option<string?>("--mode") { Description = "Rank by keyword (default), semantic or hybrid; the last two need papers embedded (paperboy embed)" };
        var command = new Command("eval", "Measure search quality") { queries, collection, limit, mode, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var queryFile = parsed.GetValue(queries);
            var collectionDir = parsed.GetValue(collection);
            int take = parsed.GetValue(limit);
            if ((queryFile is null) == (collectionDir is null) || take < 1)
            {
                await Console.Error.WriteLineAsync("paperboy: eval needs exactly one of --queries FILE or --collection DIR (and --limit of at least 1)");
                return ExitCodes.Usage;
            }
            if (queryFile is { Exists: false } || collectionDir is { Exists: false })
            {
                await Console.Error.WriteLineAsync($"paperboy: {(queryFile?.FullName ?? collectionDir!.FullName)} does not exist");
                return ExitCodes.Usage;
            }
            if (!SearchModeNames.TryParse(parsed.GetValue(mode), out var ranking))
            {
                await Console.Error.WriteLineAsync($"paperboy: --mode must be one of {string.Join(", ", SearchModeNames.All)}");
                return ExitCodes.Usage;
            }
            var chosen = ranking ?? SearchMode.Keyword;
            await using var services = context.BuildServices(parsed);
            var evaluation = services.GetRequiredService<EvaluationService>();
            if (queryFile is not null)
            {
                var report = await evaluation.EvaluateQuerySetAsync(queryFile.FullName, take, chosen, cancellationToken);
                Print(EvalJson.WithMode(EvalJson.From(report, take), chosen), parsed.GetValue(json));
            }
            else
            {
                var report = await evaluation.EvaluateCollectionAsync(collectionDir!.FullName, chosen, cancellationToken);
                Print(EvalJson.WithMode(EvalJson.From(report), chosen), parsed.GetValue(json));
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(Dictionary<string, object> figures, bool json)
    {
        if (json)
        {
            JsonOutput.Write(figures);
            return;
        }
        var table = new Table().AddColumns("Measure", "Value");
        foreach (var (name, value) in figures)
        {
            if (value is Dictionary<string, Dictionary<string, object>> groups)
            {
                foreach (var (group, inner) in groups)
                {
                    table.AddRow(Terminal.Escape($"{group}: {string.Join(", ", inner.Select(p => $"{p.Key} {EvalJson.Show(p.Value)}"))}"), "");
                }
                continue;
            }
            table.AddRow(Terminal.Escape(name), EvalJson.Show(value));
        }
        Terminal.Out.Write(table);
    }
}
