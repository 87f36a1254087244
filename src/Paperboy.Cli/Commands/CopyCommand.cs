using System.CommandLine;
using Paperboy.Application.Copying;
using Paperboy.Cli.Output;
using Paperboy.Storage.Postgres;
using Paperboy.Storage.Sqlite;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy copy --from DATA_DIR --to CONNECTION: moves a whole installation from SQLite to PostgreSQL and verifies it.</summary>
public static class CopyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Required = true, Description = "The data directory whose SQLite store is copied (read in one snapshot; the app may keep running)" };
        var to = new Option<string>("--to") { Required = true, Description = "The PostgreSQL database to copy to: an Npgsql connection string or a postgres:// URL" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("copy", "Copy a data directory's SQLite store (papers, sync state, accounts, libraries, subscriptions, mail) to PostgreSQL, then verify") { from, to, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            string database = Path.GetFullPath(Path.Combine(parsed.GetValue(from)!, SqlitePaperStore.FileName));
            if (!File.Exists(database))
            {
                throw new UsageException($"--from: no Paperboy store there ({database} does not exist)");
            }
            await using var source = new SqlitePaperStore(database);
            await using var target = OpenTarget(parsed.GetValue(to)!);
            bool asJson = parsed.GetValue(json);
            var report = await CopyWithProgressAsync(source, target, showProgress: !asJson, cancellationToken);
            if (asJson)
            {
                JsonOutput.Write(new CopyReportJson(
                    report.Papers, report.Written, report.Removed, report.SyncRuns, report.Checkpoints,
                    report.Tables.ToDictionary(t => t.Table, t => t.Rows),
                    Math.Round(report.Elapsed.TotalSeconds, 3), report.Verified, report.Differences));
            }
            else
            {
                PrintSummary(report);
            }
            return report.Verified ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static PostgresPaperStore OpenTarget(string connection)
    {
        try
        {
            return new PostgresPaperStore(connection);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--to is not a PostgreSQL connection string or URL: {e.Message}");
        }
    }

    private static async Task<CopyReport> CopyWithProgressAsync(
        SqlitePaperStore source, PostgresPaperStore target, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress || Console.IsErrorRedirected)
        {
            return await StoreCopier.CopyAsync(source, target, progress: null, cancellationToken);
        }
        CopyReport? report = null;
        await Terminal.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                // One bar for the papers, then one per account-side table as it is written.
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new Progress<CopyProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.What, out var task))
                    {
                        task = tasks[p.What] = progressContext.AddTask(p.What, maxValue: 1);
                    }
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = Math.Max(p.Copied, p.Total == 0 ? 1 : 0);
                    task.Description = $"{Terminal.Escape(p.What)} ({p.Copied:N0} of {p.Total:N0})";
                });
                report = await StoreCopier.CopyAsync(source, target, progress, cancellationToken);
            });
        return report!;
    }

    private static void PrintSummary(CopyReport report)
    {
        Terminal.Out.MarkupLine($"Copied {Terminal.Escape(report.Source)} to {Terminal.Escape(report.Target)} in {report.Elapsed.TotalSeconds:F1} s:");
        Terminal.Out.MarkupLine(
            $"  {report.Papers:N0} papers ({report.Written:N0} written, {report.Papers - report.Written:N0} already there, " +
            $"{report.Removed:N0} removed from the target as the source lacks them)");
        Terminal.Out.MarkupLine($"  {report.SyncRuns:N0} sync runs and {report.Checkpoints:N0} sync checkpoints");
        Terminal.Out.MarkupLine("  account side, replaced whole: " + string.Join(", ", report.Tables.Select(t => $"{t.Rows:N0} {Terminal.Escape(t.Table)}")));
        if (report.Verified)
        {
            Terminal.Out.MarkupLine(
                $"Verified: {report.TargetCensus.Papers:N0} papers, {report.TargetCensus.SyncRuns:N0} sync runs and " +
                $"{report.TargetCensus.Checkpoints:N0} checkpoints in both; paper checksum {report.TargetCensus.PaperChecksum[..16]} in both; " +
                "the same rows in every account-side table.");
        }
        else
        {
            Terminal.Error.MarkupLine("[red]Verification failed:[/]");
            foreach (var difference in report.Differences)
            {
                Terminal.Error.MarkupLine($"  {Terminal.Escape(difference)}");
            }
        }
        Terminal.Out.MarkupLine(
            "Cookie keys are not in the store: copy the data directory's keys/ folder to every node, or everyone signs in again (docs/DEPLOY.md).");
    }

    private sealed record CopyReportJson(
        long Papers, long Written, int Removed, int SyncRuns, int Checkpoints, IReadOnlyDictionary<string, long> Tables, double Seconds, bool Verified, IReadOnlyList<string> Differences);
}
