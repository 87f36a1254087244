using Paperboy.Application.Syncing;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>The summary of a sync or add: counts, record errors, and the error that ended the run.</summary>
internal static class SyncOutput
{
    private const int ErrorsShown = 20;

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
