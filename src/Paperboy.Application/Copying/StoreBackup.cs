using Paperboy.Storage.Postgres;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application.Copying;

/// <summary>
/// `paperboy backup`: a consistent copy of the data directory's SQLite file, taken while the app runs.
/// With a PostgreSQL store the SQLite file still holds what is not on PostgreSQL yet (docs/STORE.md), so
/// it is backed up all the same, and the report carries the pg_dump command for the rest.
/// </summary>
public static class StoreBackup
{
    public static async Task<BackupReport> BackupAsync(PaperboyOptions options, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        string database = Path.GetFullPath(Path.Combine(options.DataDirectory, SqlitePaperStore.FileName));
        string? pgDump = options.UsesPostgres
            ? PgDump.Command(options.Store!, Path.ChangeExtension(Path.GetFullPath(file), ".pgdump"))
            : null;
        if (!File.Exists(database))
        {
            // With PostgreSQL, a data directory whose SQLite file was never needed has nothing of its own to back up.
            return pgDump is not null
                ? new BackupReport(database, null, 0, pgDump)
                : throw new InvalidOperationException($"backup: no store to back up: {database} does not exist");
        }
        string target = Path.GetFullPath(file);
        await using (var store = new SqlitePaperStore(database))
        {
            await store.BackupAsync(target, cancellationToken);
        }
        return new BackupReport(database, target, new FileInfo(target).Length, pgDump);
    }
}
