using System.Globalization;
using System.Reflection;
using Npgsql;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// Applies the numbered migration scripts embedded in this assembly (Postgres/Migrations/NNNN_name.sql),
/// each in its own transaction, and records them in schema_migrations. A session advisory lock is held
/// throughout, so two processes starting at once take turns: the second finds the work done.
/// </summary>
public static class PostgresMigrator
{
    private const string ResourcePrefix = "Paperboy.Storage.Postgres.Migrations.";

    // Any constant the application owns: ASCII "paperboy" read as a 64-bit integer.
    private const long LockKey = 0x7061706572626f79;

    /// <summary>The migrations this build knows, oldest first.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    /// <summary>Applies every migration the database has not recorded; returns those applied, oldest first.</summary>
    public static Task<IReadOnlyList<Migration>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        MigrateAsync(dataSource, int.MaxValue, cancellationToken);

    /// <param name="lastVersion">The newest migration to apply: tests build a database as an older release left it.</param>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(NpgsqlDataSource dataSource, int lastVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey});", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL);",
                cancellationToken);
            // Every migration not yet recorded, not only those above the newest: branches numbered 0003 and
            // 0005 may ship before the 0004 between them, and a database that has 0005 must still gain 0004.
            var done = await AppliedVersionsAsync(connection, cancellationToken);
            var applied = new List<Migration>();
            foreach (var migration in All.Where(m => !done.Contains(m.Version) && m.Version <= lastVersion))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                try
                {
                    await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                    await using var record = new NpgsqlCommand(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now());", connection, transaction);
                    record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (PostgresException e)
                {
                    throw new InvalidOperationException($"store: unable to apply migration {migration.Version} ({migration.Name}): {e.MessageText}", e);
                }
                applied.Add(migration);
            }
            return applied;
        }
        finally
        {
            // Closing the connection would release the lock too, but a pooled connection stays open.
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey});", CancellationToken.None);
        }
    }

    /// <summary>The highest migration version the database records, or 0 for a database never migrated.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection);
        return (bool)(await exists.ExecuteScalarAsync(cancellationToken))! ? await CurrentVersionAsync(connection, cancellationToken) : 0;
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations;", connection);
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(PostgresMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                string file = n[ResourcePrefix.Length..^".sql".Length];
                int version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                return new Migration(version, file, Read(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"store: migration resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
