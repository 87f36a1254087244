using Npgsql;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

public sealed class MigrateCommandTests : IDisposable
{
    private readonly PaperboyProcess _paperboy = new();

    [Fact]
    public async Task Migrate_on_sqlite_applies_every_migration_once_then_reports_up_to_date()
    {
        var first = await _paperboy.RunAsync("migrate");
        var second = await _paperboy.RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("everything (SQLite): " + Path.Combine(_paperboy.DataDirectory, "paperboy.db"), first.Stdout, StringComparison.Ordinal);
        Assert.Contains("applied 0001_papers", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("applied 0008_subscriptions", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("applied", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_postgres_url_papers_go_to_postgresql_and_accounts_stay_in_sqlite()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        try
        {
            // Trust authentication ignores the password; it is here to show it is never printed.
            string url = $"postgres://postgres:hunter2@127.0.0.1:{server.Port}/{database}";

            var migrate = await _paperboy.RunAsync("migrate", "--store", url);
            var import = await _paperboy.RunAsync("import", PaperboyProcess.SeedDirectory, "--store", url);
            _paperboy.Environment["Paperboy__Store"] = url;
            var stats = await _paperboy.RunAsync("stats", "--json");

            Assert.Equal(0, migrate.ExitCode);
            Assert.Contains("papers and sync state (PostgreSQL): ", migrate.Stdout, StringComparison.Ordinal);
            Assert.Contains($"Database={database}", migrate.Stdout, StringComparison.Ordinal);
            Assert.Contains("applied 0001_papers", migrate.Stdout, StringComparison.Ordinal);
            Assert.Contains("applied 0002_sync", migrate.Stdout, StringComparison.Ordinal);
            Assert.Contains("(SQLite): " + Path.Combine(_paperboy.DataDirectory, "paperboy.db"), migrate.Stdout, StringComparison.Ordinal);
            Assert.Contains("applied 0005_accounts", migrate.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", migrate.Stdout + migrate.Stderr + import.Stdout + import.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, import.ExitCode);
            Assert.Equal(0, stats.ExitCode);
            Assert.Equal(403, stats.Json().GetProperty("papers").GetInt32());
            Assert.Equal(403L, await CountAsync(server.ConnectionString(database)));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_store_setting_that_is_no_connection_string_fails_with_a_reason_and_without_its_password()
    {
        var run = await _paperboy.RunAsync("stats", "--store", "postgres://u:hunter2@db.example.org/papers?sslmode=sometimes");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Paperboy:Store is not a PostgreSQL connection string or URL: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("sslmode must be one of", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stderr, StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM papers;", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _paperboy.Dispose();
}
