using System.CommandLine;
using Paperboy.Application.Copying;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy backup --out FILE: a consistent copy of the SQLite store while the app runs. With a PostgreSQL
/// store it still writes that copy (accounts and mail are there), prints the pg_dump command for the papers
/// and exits 2, so that a scheduled job cannot mistake half a backup for a whole one.
/// </summary>
public static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Required = true, Description = "The file to write the SQLite backup to (replaced if it exists)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("backup", "Back up the data directory's SQLite store with SQLite's online backup API") { output, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var report = await StoreBackup.BackupAsync(context.ReadOptions(parsed), parsed.GetValue(output)!, cancellationToken);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(new BackupReportJson(report.Source, report.File, report.Bytes, report.PgDumpCommand));
            }
            else if (report.File is null)
            {
                Terminal.Out.MarkupLine($"No SQLite store to back up: {Terminal.Escape(report.Source)} does not exist.");
            }
            else
            {
                Terminal.Out.MarkupLine($"Backed up {Terminal.Escape(report.Source)} to {Terminal.Escape(report.File)} ({report.Bytes:N0} bytes).");
            }
            if (report.PgDumpCommand is null)
            {
                return ExitCodes.Success;
            }
            Terminal.Error.MarkupLine(
                "Papers and sync state are on PostgreSQL, which this backup does not include. Back them up with pg_dump " +
                "(the password from ~/.pgpass or PGPASSWORD):");
            Terminal.Error.MarkupLine($"  {Terminal.Escape(report.PgDumpCommand)}");
            return ExitCodes.Usage;
        });
        return command;
    }

    private sealed record BackupReportJson(string Source, string? File, long Bytes, string? PgDump);
}
