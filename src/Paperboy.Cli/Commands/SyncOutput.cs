using Paperboy.Application.Syncing;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>The summary of a sync or add: counts, record errors, and the error that ended the run.</summary>
internal static class SyncOutput
{
    private const int ErrorsShown = 20;

    /// <summary>Runs a sync under a progress bar on stderr (a terminal only): records of the total when the source knows it, pages otherwise.</summary>
    public static async Task<SyncReport> WithProgressAsync(Func<IProgress<SyncReport>?, Task<SyncReport>> run, bool show)
    {
        if (!show || Console.IsErrorRedirected)
        {
            return await run(null);
        }
        SyncReport? report = null;
        await Terminal.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("syncing", maxValue: 1);
                task.IsIndeterminate = true;
                var progress = new Progress<SyncReport>(r =>
                {
                    task.Description = Terminal.Escape($"{r.Batches} pages: {r.Added:N0} added, {r.Updated:N0} updated, {r.Unchanged:N0} unchanged");
                    if (r.Total is > 0 && r.Done is { } done)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = r.Total.Value;
                        task.Value = Math.Min(done, r.Total.Value);
                    }
                });
                report = await run(progress);
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return report!;
    }

    public static void Print(SyncReport report, bool json)
    {
        if (json)
        {
            JsonOutput.Write(report);
            return;
        }
        foreach (var error in report.Errors.Take(ErrorsShown))
        {
            Terminal.Error.MarkupLine($"[red]rejected[/] {Terminal.Escape(error)}");
        }
        if (report.Error is not null)
        {
            Terminal.Error.MarkupLine($"[red]stopped:[/] {Terminal.Escape(report.Error)}");
        }
        Terminal.Out.MarkupLine(
            $"{Terminal.Escape(report.Source)}: {report.Batches} pages, {report.Added:N0} added, {report.Updated:N0} updated, " +
            $"{report.Unchanged:N0} unchanged, {report.Rejected:N0} rejected.");
    }
}
