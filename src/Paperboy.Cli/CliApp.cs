using System.CommandLine;
using Paperboy.Cli.Commands;

namespace Paperboy.Cli;

/// <summary>The command tree: global --data and --store options and one verb per file in Commands/.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var data = new Option<string?>("--data")
        {
            Description = "Data directory (default ./data, or the PAPERBOY_DATA environment variable)",
            Recursive = true,
        };
        var store = new Option<string?>("--store")
        {
            Description = "Keep papers in PostgreSQL: an Npgsql connection string or a postgres:// URL " +
                "(default: SQLite in the data directory, or the Paperboy__Store environment variable)",
            Recursive = true,
        };
        var root = new RootCommand("Paperboy: research-paper discovery on your own machine.");
        root.Options.Add(data);
        root.Options.Add(store);
        var context = new CliContext(data, store);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(SearchCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(EmbedCommand.Create(context));
        root.Subcommands.Add(SimilarCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(SyncCommand.Create(context));
        root.Subcommands.Add(AddCommand.Create(context));
        root.Subcommands.Add(GenCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create(context));
        root.Subcommands.Add(MailCommand.Create(context));
        root.Subcommands.Add(SubscribeCommand.Create(context));
        root.Subcommands.Add(DigestCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(CopyCommand.Create());
        root.Subcommands.Add(BackupCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"paperboy: {error.Message}");
            }
            await Console.Error.WriteLineAsync("Run 'paperboy --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"paperboy: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("paperboy: cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException
            or Npgsql.NpgsqlException
            or Paperboy.Search.Storage.CorruptIndexException or Paperboy.Search.Storage.IndexLockedException)
        {
            // Expected failures of the environment (a locked or unreadable file, a bad setting): the
            // message says what and where; the stack trace only helps a developer.
            await Console.Error.WriteLineAsync($"paperboy: {e.Message}");
            if (Environment.GetEnvironmentVariable("PAPERBOY_DEBUG") is { Length: > 0 })
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }
            return ExitCodes.Failed;
        }
    }
}
