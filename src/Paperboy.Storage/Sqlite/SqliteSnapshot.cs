using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// One read transaction over the SQLite store: every read sees the same committed state, so a copy of
/// the papers and the counts that verify it agree even while a sync writes (WAL keeps the snapshot).
/// Reads run one at a time: finish enumerating <see cref="ScanAsync"/> before calling anything else.
/// </summary>
public sealed class SqliteSnapshot : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteSnapshot(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    internal static async Task<SqliteSnapshot> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Deferred: a read transaction that takes no lock a writer would wait for.
        var transaction = connection.BeginTransaction(deferred: true);
        var snapshot = new SqliteSnapshot(connection, transaction);
        // A deferred transaction takes its snapshot at its first read: take it now, not at the caller's first read.
        await snapshot.CountPapersAsync(cancellationToken);
        return snapshot;
    }

    public Task<long> CountPapersAsync(CancellationToken cancellationToken) => ScalarAsync("SELECT COUNT(*) FROM papers;", cancellationToken);

    /// <summary>Every canonical id, in id order.</summary>
    public async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var command = Command("SELECT id FROM papers ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    /// <summary>Every paper row as stored, in id order.</summary>
    public async IAsyncEnumerable<PaperRow> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {PaperRows.Columns} FROM papers ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (paper, hash) = PaperRows.Read(reader);
            yield return new PaperRow(paper, reader.IsDBNull(2) ? null : reader.GetString(2), hash, SqlitePaperStore.ParseTime(reader.GetString(21)));
        }
    }

    public async Task<IReadOnlyList<SyncCheckpoint>> ListCheckpointsAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new List<SyncCheckpoint>();
        await using var command = Command("SELECT key, value, updated_at FROM sync_checkpoints ORDER BY key;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(new SyncCheckpoint(reader.GetString(0), reader.GetString(1), SqlitePaperStore.ParseTime(reader.GetString(2))));
        }
        return checkpoints;
    }

    /// <summary>Every sync run, oldest first.</summary>
    public async Task<IReadOnlyList<SyncRun>> ListRunsAsync(CancellationToken cancellationToken)
    {
        var runs = new List<SyncRun>();
        await using var command = Command(
            "SELECT id, source, description, started_at, finished_at, added, updated, unchanged, rejected, error FROM sync_runs ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bool finished = !reader.IsDBNull(4);
            runs.Add(new SyncRun(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), SqlitePaperStore.ParseTime(reader.GetString(3)),
                finished ? SqlitePaperStore.ParseTime(reader.GetString(4)) : null,
                finished
                    ? new SyncRunResult(Int(reader, 5), Int(reader, 6), Int(reader, 7), Int(reader, 8), reader.IsDBNull(9) ? null : reader.GetString(9))
                    : null));
        }
        return runs;
    }

    /// <summary>
    /// Every row of one account-side table, its values typed as <see cref="AccountTable"/> says (times as
    /// UTC <see cref="DateTime"/>s), in rowid order.
    /// </summary>
    public async IAsyncEnumerable<object?[]> ReadTableAsync(AccountTable table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        string columns = string.Join(", ", table.Columns.Select(c => c.Source ?? c.Name));
        // subscriber_papers is WITHOUT ROWID: its primary key orders it instead.
        string order = table.Name == "subscriber_papers" ? "subscriber_id, paper_id" : "rowid";
        await using var command = Command($"SELECT {columns} FROM {table.Name} ORDER BY {order};");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[table.Columns.Count];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : table.Columns[i].Kind switch
                {
                    ColumnKind.Int64 => reader.GetInt64(i),
                    ColumnKind.Int32 => Int(reader, i),
                    ColumnKind.Boolean => reader.GetInt64(i) != 0,
                    ColumnKind.Bytes => (byte[])reader.GetValue(i),
                    ColumnKind.Time => SqlitePaperStore.ParseTime(reader.GetString(i)).UtcDateTime,
                    _ => reader.GetString(i),
                };
            }
            yield return row;
        }
    }

    public async Task<StoreCensus> CensusAsync(CancellationToken cancellationToken)
    {
        using var checksum = new PaperChecksum();
        long papers = 0;
        await using (var command = Command("SELECT id, latest_version, content_hash FROM papers ORDER BY id;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                checksum.Add(reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
                papers++;
            }
        }
        long runs = await ScalarAsync("SELECT COUNT(*) FROM sync_runs;", cancellationToken);
        long checkpoints = await ScalarAsync("SELECT COUNT(*) FROM sync_checkpoints;", cancellationToken);
        var tables = new List<TableCount>(AccountTables.All.Count);
        foreach (var table in AccountTables.All)
        {
            tables.Add(new TableCount(table.Name, await ScalarAsync($"SELECT COUNT(*) FROM {table.Name};", cancellationToken)));
        }
        return new StoreCensus(papers, runs, checkpoints, checksum.Finish(), tables);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static int Int(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetInt64(ordinal), CultureInfo.InvariantCulture);

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
