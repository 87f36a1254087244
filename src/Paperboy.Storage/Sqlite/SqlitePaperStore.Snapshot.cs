using Microsoft.Data.Sqlite;

namespace Paperboy.Storage.Sqlite;

/// <summary>A consistent read of the whole store, and a consistent copy of the file, while the app keeps running.</summary>
public sealed partial class SqlitePaperStore
{
    /// <summary>Opens a read transaction that sees the store as it is now, whatever commits meanwhile (WAL snapshot).</summary>
    public async Task<SqliteSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            return await SqliteSnapshot.BeginAsync(connection, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Writes a consistent copy of the database file to <paramref name="path"/> with SQLite's online backup API
    /// (https://sqlite.org/backup.html): in WAL mode the copy reads one snapshot while writers go on. The copy is
    /// written beside <paramref name="path"/> first and moved over it, so a failed backup never leaves half a file.
    /// </summary>
    public async Task BackupAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string target = Path.GetFullPath(path);
        if (string.Equals(target, DatabasePath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"store: unable to back up {DatabasePath} onto itself");
        }
        string partial = target + ".partial";
        File.Delete(partial);
        await using var source = await OpenAsync(cancellationToken);
        try
        {
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = partial,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString()))
            {
                await destination.OpenAsync(cancellationToken);
                // One step copies every page under one read lock; Microsoft.Data.Sqlite offers no stepwise variant.
                source.BackupDatabase(destination);
            }
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            throw new InvalidOperationException($"store: unable to back up {DatabasePath} to {target}: {e.Message}", e);
        }
    }
}
