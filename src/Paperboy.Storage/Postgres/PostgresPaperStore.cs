using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// The store on a PostgreSQL server, for installations that run several processes or want the
/// database apart from the machine: the same contract, merge rules and change feed as
/// <see cref="Sqlite.SqlitePaperStore"/> (docs/STORE.md). Connections come from an
/// <see cref="NpgsqlDataSource"/>'s pool; batches merge in memory (<see cref="PostgresPaperBatch"/>).
/// </summary>
public sealed partial class PostgresPaperStore : IPaperStore, IMigratingStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private volatile bool _initialized;

    /// <param name="connection">An Npgsql connection string or a postgres:// URL (<see cref="PostgresConnectionString"/>).</param>
    public PostgresPaperStore(string connection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        string connectionString = PostgresConnectionString.Parse(connection);
        Description = PostgresConnectionString.Describe(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Where the store is, for messages and logs: the connection string without its password.</summary>
    public string Description { get; }

    /// <summary>Migrates; every other method calls it first, so callers may skip it.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) => await MigrateAsync(cancellationToken);

    /// <summary>Applies the migrations this database lacks and returns them (none after the first call).</summary>
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
            var applied = await PostgresMigrator.MigrateAsync(_dataSource, cancellationToken);
            _initialized = true;
            return applied;
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException($"store: unable to migrate PostgreSQL at {Description}: {e.Message}", e);
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
        var keyed = new (Paper Paper, string? TitleKey)[papers.Count];
        for (var i = 0; i < papers.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(papers[i], nameof(papers));
            var paper = PostgresRows.Storable(papers[i]);
            keyed[i] = (paper, TitleKey.TryIdFor(paper.Title));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The lock on the generation row makes writing batches take turns, as SQLite's single writer does:
        // each reads the rows it merges with after the previous batch committed, and stamps its own generation.
        long generation;
        await using (var current = new NpgsqlCommand("SELECT generation FROM store_generation WHERE singleton = 1 FOR UPDATE;", connection, transaction))
        {
            generation = (long)(await current.ExecuteScalarAsync(cancellationToken))! + 1;
        }
        var batch = new PostgresPaperBatch(connection, transaction, Now());
        await batch.LoadAsync(keyed, cancellationToken);
        var summary = UpsertSummary.Empty;
        foreach (var (paper, titleKey) in keyed)
        {
            summary = summary.Plus(await batch.UpsertAsync(paper, titleKey, cancellationToken));
        }
        if (summary.Added + summary.Updated > 0)
        {
            await batch.FlushAsync(generation, cancellationToken);
            await AnnounceAsync(connection, transaction, generation, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    public async Task<Paper?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        string key = ArxivId.TryParse(id, out var arxivId) ? arxivId.BaseId : id.Trim();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {PostgresRows.Columns} FROM papers WHERE id = $1 OR arxiv_id = $1 LIMIT 1;", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PostgresRows.Read(reader).Paper : null;
    }

    public async Task<IReadOnlyList<Paper>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {PostgresRows.Columns} FROM papers WHERE id = ANY($1);", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>
        {
            TypedValue = [.. ids.Distinct(StringComparer.Ordinal)],
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        var found = (await ReadAllAsync(command, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public async Task<IReadOnlyList<Paper>> ListRecentAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {PostgresRows.Columns} FROM papers ORDER BY COALESCE(published, first_seen) DESC, id LIMIT $1 OFFSET $2;", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
        return await ReadAllAsync(command, cancellationToken);
    }

    public async IAsyncEnumerable<Paper> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {PostgresRows.Columns} FROM papers ORDER BY id;", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return PostgresRows.Read(reader).Paper;
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT COUNT(*) FROM papers;", cancellationToken);

    public Task<long> GetGenerationAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT generation FROM store_generation WHERE singleton = 1;", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await DisposeListenerAsync();
        await _dataSource.DisposeAsync();
        _initializing.Dispose();
    }

    // timestamptz keeps microseconds: a time cut to them reads back as it was written.
    private static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<Paper>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var papers = new List<Paper>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            papers.Add(PostgresRows.Read(reader).Paper);
        }
        return papers;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException($"store: unable to connect to PostgreSQL at {Description}: {e.Message}", e);
        }
    }
}
