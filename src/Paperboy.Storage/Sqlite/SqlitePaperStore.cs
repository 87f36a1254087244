using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in the data directory, in WAL mode so the web app keeps
/// reading while an import writes. Connections come from Microsoft.Data.Sqlite's pool.
/// </summary>
public sealed partial class SqlitePaperStore : IPaperStore, IMigratingStore, IStoredBatchSource
{
    public const string FileName = "paperboy.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private volatile bool _initialized;
    private ImmutableArray<Func<StoredBatch, CancellationToken, ValueTask>> _batchObservers = [];

    public SqlitePaperStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>The page size a new database file is made with.</summary>
    public const int PageSize = 16384;

    // How much WAL a batch upsert lets build up before it checkpoints, in bytes; SQLite counts it in pages.
    private const long CheckpointBytes = 256L * 1024 * 1024;
    private long _checkpointPages = CheckpointBytes / PageSize;

    /// <summary>
    /// True (the default) to read a batch's stored rows in one query before upserting it; false to look
    /// up every paper on its own, the plain path the tests compare the batch path with.
    /// </summary>
    internal bool BatchLookups { get; init; } = true;

    /// <summary>The store inside a data directory, created if missing.</summary>
    public static SqlitePaperStore InDataDirectory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new SqlitePaperStore(Path.Combine(dataDirectory, FileName));
    }

    /// <summary>Sets WAL mode and migrates; every other method calls it first, so callers may skip it.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) => await MigrateAsync(cancellationToken);

    /// <summary>The database file.</summary>
    public string Description => DatabasePath;

    /// <summary>Sets WAL mode and applies the migrations the file lacks; returns them (none after the first call).</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return [];
        }
        await _initializing.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return [];
            }
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using (var wal = connection.CreateCommand())
            {
                // WAL is a property of the file: set once, it lets readers run beside a writer.
                // The page size is one too, and takes effect only while the file is still empty: a paper
                // row holds about 3.3 KB, so 4 KiB pages held one row each with a fifth left empty, and
                // every batch wrote more pages. 16 KiB pages took a 1M import from about 97 s to 90 (docs/STORE.md).
                // A store made with 4 KiB pages keeps them; VACUUM would convert it.
                wal.CommandText = $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }
            var applied = await SqliteMigrator.ApplyAsync(connection, int.MaxValue, cancellationToken);
            await using (var pageSize = connection.CreateCommand())
            {
                pageSize.CommandText = "PRAGMA page_size;";
                _checkpointPages = CheckpointBytes / Convert.ToInt64(await pageSize.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            _initialized = true;
            return applied;
        }
        finally
        {
            _initializing.Release();
        }
    }

    public async Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(papers);
        if (papers.Count == 0)
        {
            return UpsertSummary.Empty;
        }

        // Title keys cost a Unicode normalisation and a hash each: computed once, used by the lookup and the row.
        var keyed = new (Paper Paper, string? TitleKey)[papers.Count];
        for (var i = 0; i < papers.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(papers[i], nameof(papers));
            keyed[i] = (papers[i], TitleKey.TryIdFor(papers[i].Title));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using (var bulk = connection.CreateCommand())
        {
            // Per connection, not per file: a 64 MiB page cache keeps the indexes' hot pages in memory
            // across a batch (the default is 2 MiB); temporary b-trees (IN lists) stay in memory. This
            // connection checkpoints once the WAL holds 256 MiB rather than 4 MiB: an import's batch
            // writes about 40 MB, so the default checkpointed (copied back and synced) after every one;
            // the WAL file is cut back to 64 MiB when it restarts (docs/STORE.md).
            bulk.CommandText = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; " +
                $"PRAGMA wal_autocheckpoint = {_checkpointPages}; PRAGMA journal_size_limit = 67108864;";
            await bulk.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Read inside the write transaction, so no other batch can commit as the same generation.
        long generation = await ScalarAsync(connection, transaction, GenerationSql, cancellationToken) + 1;
        var lookup = BatchLookups ? await BatchLookup.LoadAsync(connection, transaction, keyed, cancellationToken) : null;
        var observers = _batchObservers;
        await using var writer = new SqlitePaperWriter(connection, transaction, generation, lookup, recordsOutcome: observers.Length > 0);
        var summary = UpsertSummary.Empty;
        // One clock reading for the batch, as PostgreSQL takes it: the batch commits as one, so its rows
        // share their changed_at (and first_seen, for new papers).
        var now = DateTimeOffset.UtcNow;
        foreach (var (paper, titleKey) in keyed)
        {
            summary = summary.Plus(await writer.UpsertAsync(paper, titleKey, now, cancellationToken));
        }
        if (summary.Added + summary.Updated > 0)
        {
            await writer.AdvanceGenerationAsync(cancellationToken);
        }
        // Made before the commit, so a reader that sees the new generation finds the batch reported a moment later.
        var batch = observers.Length > 0 && summary.Added + summary.Updated > 0 ? writer.Outcome() : null;
        await transaction.CommitAsync(cancellationToken);
        if (batch is not null)
        {
            foreach (var observer in observers)
            {
                await observer(batch, cancellationToken);
            }
        }
        return summary;
    }

    /// <summary>
    /// Reports every batch this object commits from now on. A batch that changed nothing advances no
    /// generation and is not reported; observers added while a batch is being written see the next one.
    /// </summary>
    public IDisposable ObserveBatches(Func<StoredBatch, CancellationToken, ValueTask> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ImmutableInterlocked.Update(ref _batchObservers, static (list, added) => list.Add(added), observer);
        return new BatchObservation(this, observer);
    }

    private sealed class BatchObservation(SqlitePaperStore store, Func<StoredBatch, CancellationToken, ValueTask> observer) : IDisposable
    {
        public void Dispose() =>
            ImmutableInterlocked.Update(ref store._batchObservers, static (list, removed) => list.Remove(removed), observer);
    }

    public async Task<Paper?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        string key = ArxivId.TryParse(id, out var arxivId) ? arxivId.BaseId : id.Trim();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id OR arxiv_id = $id LIMIT 1;";
        command.Parameters.AddWithValue("$id", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PaperRows.Read(reader).Paper : null;
    }

    public async Task<IReadOnlyList<Paper>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        var found = new Dictionary<string, Paper>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        // Chunks keep the statement under SQLite's parameter limit.
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((id, i) => { command.Parameters.AddWithValue($"$p{i}", id); return $"$p{i}"; });
            command.CommandText = $"SELECT {PaperRows.Columns} FROM papers WHERE id IN ({string.Join(", ", names)});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var paper = PaperRows.Read(reader).Paper;
                found[paper.Id] = paper;
            }
        }
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public async Task<IReadOnlyList<Paper>> ListRecentAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {PaperRows.Columns} FROM papers ORDER BY COALESCE(published, first_seen) DESC, id LIMIT $limit OFFSET $offset;";
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async IAsyncEnumerable<Paper> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {PaperRows.Columns} FROM papers ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return PaperRows.Read(reader).Paper;
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT COUNT(*) FROM papers;", cancellationToken);

    public Task<long> GetGenerationAsync(CancellationToken cancellationToken) =>
        ScalarAsync(GenerationSql, cancellationToken);

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and WAL files around) until the pool lets go.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private const string GenerationSql = "SELECT generation FROM store_generation WHERE singleton = 1;";

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, sql, cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<List<Paper>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var papers = new List<Paper>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            papers.Add(PaperRows.Read(reader).Paper);
        }
        return papers;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            // NORMAL is durable in WAL mode up to the last checkpointed commit, and much faster than FULL.
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"store: unable to open {DatabasePath}: {e.Message}", e);
        }
    }
}
