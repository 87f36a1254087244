using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// Applies the numbered migration scripts embedded in this assembly (Migrations/NNNN_name.sql),
/// each in its own transaction, and records them in schema_version.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "Paperboy.Storage.Sqlite.Migrations.";

    public static Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        MigrateAsync(connection, int.MaxValue, cancellationToken);

    /// <param name="lastVersion">The newest migration to apply: tests build a database as an older release left it.</param>
    /// <returns>The schema version now.</returns>
    public static async Task<int> MigrateAsync(SqliteConnection connection, int lastVersion, CancellationToken cancellationToken)
    {
        var applied = await ApplyAsync(connection, lastVersion, cancellationToken);
        return applied.Count > 0 ? applied[^1].Version : await CurrentVersionAsync(connection, cancellationToken);
    }

    /// <summary>Applies every migration newer than the file's; returns those applied, oldest first.</summary>
    public static async Task<IReadOnlyList<Migration>> ApplyAsync(SqliteConnection connection, int lastVersion, CancellationToken cancellationToken)
    {
        var applied = new List<Migration>();
        await ExecuteAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;",
            cancellationToken);

        int current = await CurrentVersionAsync(connection, cancellationToken);
        foreach (var (version, name, sql) in Migrations().Where(m => m.Version > current && m.Version <= lastVersion))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($v, $n, $at);";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$n", name);
                record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (SqliteException e)
            {
                throw new InvalidOperationException($"store: unable to apply migration {version} ({name}): {e.Message}", e);
            }
            applied.Add(new Migration(version, name, sql));
        }
        return applied;
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Migrations()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                string file = n[ResourcePrefix.Length..^".sql".Length];
                int version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                return (version, file, Read(assembly, n));
            })
            .OrderBy(m => m.version);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"store: migration resource {resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
