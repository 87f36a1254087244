using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Importing;
using Paperboy.Application.Searching;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy import PATH... : saved trending pages and Kaggle snapshot JSON lines (plain or gzip).</summary>
public static class ImportCommand
{
    private const int ErrorsShown = 20;

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories to import; the format is detected from content" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("import", "Import papers from files") { paths, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            var importer = services.GetRequiredService<ImportService>();
            // The search index takes the papers in as they are stored rather than after (with a running
            // serve holding the index, serve does it and this reads its last commit).
            var storedAt = 0L;
            async Task<ImportReport> ImportAsync()
            {
                try
                {
                    return await ImportWithProgressAsync(importer, parsed.GetValue(paths)!, showProgress: !parsed.GetValue(json), cancellationToken);
                }
                finally
                {
                    storedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                }
            }
            var importing = ImportAsync();
            var index = await services.GetRequiredService<PaperSearchService>().FollowAsync(importing, cancellationToken);
            var report = await importing;
            if (!parsed.GetValue(json))
            {
                Terminal.Error.MarkupLine($"[dim]Search index: {index.DocumentCount:N0} papers, committed {System.Diagnostics.Stopwatch.GetElapsedTime(storedAt).TotalSeconds:F1} s after the last paper was stored[/]");
            }
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(ImportReportJson.From(report));
            }
            else
            {
                PrintSummary(report);
            }
            return report.Rejected > 0 ? ExitCodes.PartlyRejected : ExitCodes.Success;
        });
        return command;
    }

    private static async Task<ImportReport> ImportWithProgressAsync(ImportService importer, string[] paths, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress || Console.IsErrorRedirected)
        {
            return await importer.ImportAsync(paths, progress: null, cancellationToken);
        }
        ImportReport? report = null;
        await Terminal.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new Progress<ImportProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.File, out var task))
                    {
                        tasks[p.File] = task = progressContext.AddTask(Terminal.Escape(Path.GetFileName(p.File)), maxValue: Math.Max(1, p.BytesTotal));
                    }
                    task.Value = p.BytesRead;
                    task.Description = Terminal.Escape($"{Path.GetFileName(p.File)} ({p.Records:N0} records)");
                });
                report = await importer.ImportAsync(paths, progress, cancellationToken);
            });
        return report!;
    }

    private static void PrintSummary(ImportReport report)
    {
        var table = new Table().AddColumns("File", "Format", "Added", "Updated", "Unchanged", "Rejected");
        foreach (var file in report.Files)
        {
            table.AddRow(Terminal.Escape(Path.GetFileName(file.File)), file.Format.ToString(), $"{file.Added:N0}", $"{file.Updated:N0}", $"{file.Unchanged:N0}", $"{file.Rejected:N0}");
        }
        Terminal.Out.Write(table);
        foreach (var error in report.Errors.Take(ErrorsShown))
        {
            string where = error.Line > 0 ? $"{error.File}:{error.Line}" : error.File;
            Terminal.Error.MarkupLine($"[red]rejected[/] {Terminal.Escape(where)}: {Terminal.Escape(error.Message)}");
        }
        if (report.Rejected > ErrorsShown)
        {
            Terminal.Error.MarkupLine($"[red]... and {report.Rejected - ErrorsShown:N0} more rejected[/]");
        }
        Terminal.Out.MarkupLine(
            $"Imported: {report.Added:N0} added, {report.Updated:N0} updated, {report.Unchanged:N0} unchanged, {report.Rejected:N0} rejected. " +
            $"The store holds [bold]{report.PapersInStore:N0}[/] papers.");
    }
}
