using Microsoft.Data.Sqlite;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// Upserts papers inside one transaction with prepared statements, applying <see cref="PaperMerger"/>.
/// Lives for one batch: reads see the batch's own earlier writes, so duplicates within a batch merge.
/// </summary>
internal sealed class SqlitePaperWriter : IAsyncDisposable
{
    private readonly SqliteCommand _findById;
    private readonly SqliteCommand _findByTitleKey;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _bumpGeneration;

    public SqlitePaperWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _findById = Prepare(connection, transaction, $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id;");
        // A title-only paper and its arXiv record share the title key; arXiv records sort first.
        _findByTitleKey = Prepare(connection, transaction,
            $"SELECT {PaperRows.Columns} FROM papers WHERE title_key = $key ORDER BY arxiv_id IS NULL, id LIMIT 8;");
        _insert = Prepare(connection, transaction, $"INSERT OR REPLACE INTO papers ({PaperRows.Columns}) VALUES ({PaperRows.Parameters});");
        _delete = Prepare(connection, transaction, "DELETE FROM papers WHERE id = $id;");
        _bumpGeneration = Prepare(connection, transaction, "UPDATE store_generation SET generation = generation + 1 WHERE singleton = 1;");
    }

    public async Task<UpsertSummary> UpsertAsync(Paper incoming, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(_findById, "$id", incoming.Id, cancellationToken)
            ?? await FindTitleMatchAsync(incoming, cancellationToken);

        if (existing is null)
        {
            await WriteAsync(incoming with { FirstSeen = incoming.FirstSeen ?? now }, now, cancellationToken);
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
            _delete.Parameters.Clear();
            _delete.Parameters.AddWithValue("$id", stored.Id);
            await _delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await WriteAsync(merged, now, cancellationToken);
        return new UpsertSummary(0, 1, 0);
    }

    public Task BumpGenerationAsync(CancellationToken cancellationToken) => _bumpGeneration.ExecuteNonQueryAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _findById, _findByTitleKey, _insert, _delete, _bumpGeneration })
        {
            await command.DisposeAsync();
        }
    }

    /// <summary>
    /// An arXiv paper takes over a title-only paper with the same title; a title-only paper merges
    /// into an arXiv paper with the same title. Two arXiv papers never merge by title.
    /// </summary>
    private async Task<(Paper, string)?> FindTitleMatchAsync(Paper incoming, CancellationToken cancellationToken)
    {
        string? titleKey = TitleKey.TryIdFor(incoming.Title);
        if (titleKey is null)
        {
            return null;
        }
        _findByTitleKey.Parameters.Clear();
        _findByTitleKey.Parameters.AddWithValue("$key", titleKey);
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

    private static async Task<(Paper, string)?> FindAsync(SqliteCommand command, string parameter, string value, CancellationToken cancellationToken)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue(parameter, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? PaperRows.Read(reader) : null;
    }

    private async Task WriteAsync(Paper paper, DateTimeOffset now, CancellationToken cancellationToken)
    {
        PaperRows.Bind(_insert, paper, PaperFingerprint.Of(paper), now);
        await _insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
