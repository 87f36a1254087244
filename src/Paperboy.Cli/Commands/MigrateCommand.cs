using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>paperboy migrate: applies the stores' pending migrations and says which.</summary>
public static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Bring the stores (SQLite in the data directory, PostgreSQL with --store) to the current schema");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var services = context.BuildServices(parsed);
            foreach (var report in await services.GetRequiredService<StoreMigrations>().MigrateAsync(cancellationToken))
            {
                Terminal.Out.MarkupLine($"{Markup.Escape(report.Holds)}: {Markup.Escape(report.Where)}");
                if (report.Applied.Count == 0)
                {
                    Terminal.Out.MarkupLine("  up to date");
                }
                foreach (var migration in report.Applied)
                {
                    Terminal.Out.MarkupLine($"  applied {Markup.Escape(migration.Name)}");
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
