using Microsoft.Data.Sqlite;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// Upserts papers inside one transaction with prepared statements, applying <see cref="PaperMerger"/>.
/// Lives for one batch: reads see the batch's own earlier writes, so duplicates within a batch merge.
/// With a <see cref="BatchLookup"/> most lookups are answered from rows read for the whole batch and
/// rows are written through <see cref="PaperInsert"/>; without one every paper is looked up by its own
/// queries and bound through ADO.NET parameters, the plain reference the tests compare with.
/// </summary>
internal sealed class SqlitePaperWriter : IAsyncDisposable
{
    private readonly SqliteCommand _findById;
    private readonly SqliteCommand _findByTitleKey;
    private readonly SqliteCommand _insert;
    private readonly PaperInsert? _bulkInsert;
    private readonly object?[] _values = new object?[PaperRows.ColumnCount];
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _bumpGeneration;
    private readonly BatchLookup? _lookup;

    public SqlitePaperWriter(SqliteConnection connection, SqliteTransaction transaction, BatchLookup? lookup = null)
    {
        _lookup = lookup;
        _findById = Prepare(connection, transaction, $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id;", "$id");
        // A title-only paper and its arXiv record share the title key; arXiv records sort first.
        _findByTitleKey = Prepare(connection, transaction,
            $"SELECT {PaperRows.Columns} FROM papers WHERE title_key = $key ORDER BY arxiv_id IS NULL, id LIMIT 8;", "$key");
        _insert = Prepare(connection, transaction, $"INSERT OR REPLACE INTO papers ({PaperRows.Columns}) VALUES ({PaperRows.Parameters});");
        PaperRows.AddParameters(_insert);
        _bulkInsert = lookup is null ? null : new PaperInsert(connection);
        _delete = Prepare(connection, transaction, "DELETE FROM papers WHERE id = $id;", "$id");
        _bumpGeneration = Prepare(connection, transaction, "UPDATE store_generation SET generation = generation + 1 WHERE singleton = 1;");
    }

    /// <param name="titleKey">TitleKey.TryIdFor(incoming.Title), computed once by the caller.</param>
    public async Task<UpsertSummary> UpsertAsync(Paper incoming, string? titleKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await FindByIdAsync(incoming.Id, cancellationToken)
            ?? await FindTitleMatchAsync(incoming, titleKey, cancellationToken);

        if (existing is null)
        {
            await WriteAsync(incoming with { FirstSeen = incoming.FirstSeen ?? now }, titleKey, now, cancellationToken);
            return new UpsertSummary(1, 0, 0);
        }

        var (stored, storedHash) = existing.Value;
        var merged = PaperMerger.Merge(stored, incoming);
        if (merged.Id == stored.Id && PaperFingerprint.Of(merged) == storedHash)
        {
            return new UpsertSummary(0, 0, 1);
        }
        if (merged.Id != stored.Id)
        {
            _delete.Parameters[0].Value = stored.Id;
            await _delete.ExecuteNonQueryAsync(cancellationToken);
            _lookup?.Deleted(stored.Id);
        }
        await WriteAsync(merged, ReferenceEquals(merged.Title, incoming.Title) ? titleKey : TitleKey.TryIdFor(merged.Title), now, cancellationToken);
        return new UpsertSummary(0, 1, 0);
    }

    public Task BumpGenerationAsync(CancellationToken cancellationToken) => _bumpGeneration.ExecuteNonQueryAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _findById, _findByTitleKey, _insert, _delete, _bumpGeneration })
        {
            await command.DisposeAsync();
        }
        _bulkInsert?.Dispose();
    }

    private async Task<(Paper, string)?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        if (_lookup is not null && _lookup.TryGetById(id, out var known))
        {
            return known;
        }
        _findById.Parameters[0].Value = id;
        await using var reader = await _findById.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PaperRows.Read(reader) : null;
    }

    /// <summary>
    /// An arXiv paper takes over a title-only paper with the same title; a title-only paper merges
    /// into an arXiv paper with the same title. Two arXiv papers never merge by title.
    /// </summary>
    private async Task<(Paper, string)?> FindTitleMatchAsync(Paper incoming, string? titleKey, CancellationToken cancellationToken)
    {
        if (titleKey is null || (_lookup is not null && !_lookup.MayMatchByTitle(incoming, titleKey)))
        {
            return null;
        }
        _findByTitleKey.Parameters[0].Value = titleKey;
        await using var reader = await _findByTitleKey.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var candidate = PaperRows.Read(reader);
            bool candidateKnowsArxiv = candidate.Paper.ArxivId is not null;
            bool incomingKnowsArxiv = incoming.ArxivId is not null;
            if (candidateKnowsArxiv != incomingKnowsArxiv)
            {
                return candidate;
            }
        }
        return null;
    }

    private async Task WriteAsync(Paper paper, string? titleKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_bulkInsert is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PaperRows.Values(paper, titleKey, PaperFingerprint.Of(paper), now, _values);
            _bulkInsert.Execute(_values);
        }
        else
        {
            PaperRows.Bind(_insert, paper, titleKey, PaperFingerprint.Of(paper), now);
            await _insert.ExecuteNonQueryAsync(cancellationToken);
        }
        _lookup?.Wrote(paper, titleKey);
    }

    // Parameters are made once and only their values change, so each statement is compiled once per batch.
    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }
}
