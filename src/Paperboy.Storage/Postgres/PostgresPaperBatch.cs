using Npgsql;
using NpgsqlTypes;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// One upsert batch, merged in memory and written in a few statements: a network round trip per paper
/// would make an import of a million papers take hours. It first reads every stored row the batch could
/// touch (by id, by arXiv id, by title key) in one query, then applies <see cref="PaperMerger"/> paper by
/// paper exactly as the SQLite writer does row by row (docs/STORE.md, merge rules), against those rows
/// and its own earlier writes; a row it needs and has not read (a title key that only a merge produced)
/// is read when it is needed. At the end it deletes the rows it replaced or removed, COPYs the rows it
/// wrote, and records removals for the change feed, all in the caller's transaction.
/// </summary>
internal sealed class PostgresPaperBatch
{
    // The SQLite writer reads at most 8 rows per title key, arXiv rows first, then by id; so does this.
    private const int TitleCandidates = 8;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, StoredPaper> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _idsByTitleKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByArxivId = new(StringComparer.Ordinal);
    // What has been read from the store: every row with one of these ids, arXiv ids or title keys is in
    // _rows (or was deleted by this batch), so a lookup of one of them needs no query.
    private readonly HashSet<string> _readIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readArxivIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _readTitleKeys = new(StringComparer.Ordinal);
    // Ids whose stored row this batch replaced or deleted: the in-memory state wins over a later read.
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    public PostgresPaperBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
    }

    /// <summary>Reads the stored rows the batch's papers name, in one query.</summary>
    public Task LoadAsync(IReadOnlyList<(Paper Paper, string? TitleKey)> papers, CancellationToken cancellationToken) =>
        ReadAsync(
            papers.Select(p => p.Paper.Id),
            papers.Select(p => p.Paper.ArxivId).OfType<string>(),
            papers.Select(p => p.TitleKey).OfType<string>(),
            cancellationToken);

    /// <param name="titleKey">TitleKey.TryIdFor(incoming.Title), computed once by the caller.</param>
    public async Task<UpsertSummary> UpsertAsync(Paper incoming, string? titleKey, CancellationToken cancellationToken)
    {
        var existing = await FindByIdAsync(incoming.Id, cancellationToken)
            ?? await FindTitleMatchAsync(incoming, titleKey, cancellationToken);

        if (existing is null)
        {
            await WriteAsync(incoming with { FirstSeen = incoming.FirstSeen ?? _now }, PaperFingerprint.Of(incoming), titleKey, cancellationToken);
            return new UpsertSummary(1, 0, 0);
        }

        var merged = PaperMerger.Merge(existing.Paper, incoming);
        string hash = PaperFingerprint.Of(merged);
        if (merged.Id == existing.Paper.Id && PaperFingerprint.Matches(merged, hash, existing.Hash))
        {
            return new UpsertSummary(0, 0, 1);
        }
        if (merged.Id != existing.Paper.Id)
        {
            Remove(existing.Paper.Id);
        }
        await WriteAsync(merged, hash, ReferenceEquals(merged.Title, incoming.Title) ? titleKey : TitleKey.TryIdFor(merged.Title), cancellationToken);
        return new UpsertSummary(0, 1, 0);
    }

    /// <summary>
    /// Writes what the batch changed, stamped with <paramref name="generation"/>, and makes it the store's;
    /// called once, and only when the batch changed a paper. An id stored again stops being listed as
    /// removed (docs/STORE.md, change feed).
    /// </summary>
    public async Task FlushAsync(long generation, CancellationToken cancellationToken)
    {
        string[] written = [.. _written];
        string[] removed = [.. _removed];
        await using (var delete = Command("DELETE FROM papers WHERE id = ANY($1);"))
        {
            delete.Parameters.Add(Texts(_touched.ToArray()));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await _connection.BeginBinaryImportAsync($"COPY papers ({PostgresRows.Columns}) FROM STDIN (FORMAT BINARY);", cancellationToken))
        {
            foreach (var id in written)
            {
                await PostgresRows.WriteAsync(copy, _rows[id], _now, generation, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        await using var batch = new NpgsqlBatch(_connection, _transaction);
        var forget = new NpgsqlBatchCommand("DELETE FROM removed_papers WHERE id = ANY($1);");
        forget.Parameters.Add(Texts(written));
        var record = new NpgsqlBatchCommand(
            "INSERT INTO removed_papers (id, removed_generation) SELECT id, $2 FROM unnest($1) AS removed (id) " +
            "ON CONFLICT (id) DO UPDATE SET removed_generation = excluded.removed_generation;");
        record.Parameters.Add(Texts(removed));
        record.Parameters.Add(new NpgsqlParameter<long> { TypedValue = generation });
        var advance = new NpgsqlBatchCommand("UPDATE store_generation SET generation = $1 WHERE singleton = 1;");
        advance.Parameters.Add(new NpgsqlParameter<long> { TypedValue = generation });
        batch.BatchCommands.Add(forget);
        batch.BatchCommands.Add(record);
        batch.BatchCommands.Add(advance);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<StoredPaper?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        if (!_readIds.Contains(id))
        {
            await ReadAsync([id], [], [], cancellationToken);
        }
        return _rows.GetValueOrDefault(id);
    }

    /// <summary>
    /// An arXiv paper takes over a title-only paper with the same title; a title-only paper merges
    /// into an arXiv paper with the same title. Two arXiv papers never merge by title.
    /// </summary>
    private async Task<StoredPaper?> FindTitleMatchAsync(Paper incoming, string? titleKey, CancellationToken cancellationToken)
    {
        if (titleKey is null)
        {
            return null;
        }
        if (!_readTitleKeys.Contains(titleKey))
        {
            await ReadAsync([], [], [titleKey], cancellationToken);
        }
        if (!_idsByTitleKey.TryGetValue(titleKey, out var ids))
        {
            return null;
        }
        bool incomingKnowsArxiv = incoming.ArxivId is not null;
        return ids.Select(id => _rows[id])
            .OrderBy(row => row.Paper.ArxivId is null)
            .ThenBy(row => row.Paper.Id, StringComparer.Ordinal)
            .Take(TitleCandidates)
            .FirstOrDefault(row => (row.Paper.ArxivId is not null) != incomingKnowsArxiv);
    }

    private async Task WriteAsync(Paper paper, string hash, string? titleKey, CancellationToken cancellationToken)
    {
        if (paper.ArxivId is { } arxivId)
        {
            if (!_readArxivIds.Contains(arxivId))
            {
                await ReadAsync([], [arxivId], [], cancellationToken);
            }
            // The arXiv id is unique: a row holding it under another id gives way, and the feed names it.
            if (_idByArxivId.TryGetValue(arxivId, out var holder) && holder != paper.Id)
            {
                Remove(holder);
            }
        }
        if (_rows.ContainsKey(paper.Id))
        {
            Unindex(paper.Id);
        }
        Index(new StoredPaper(PostgresRows.AsStored(paper, _now), hash, titleKey));
        _touched.Add(paper.Id);
        _written.Add(paper.Id);
        _removed.Remove(paper.Id);
    }

    private void Remove(string id)
    {
        Unindex(id);
        _touched.Add(id);
        _written.Remove(id);
        _removed.Add(id);
    }

    private void Index(StoredPaper row)
    {
        _rows[row.Paper.Id] = row;
        if (row.TitleKey is not null)
        {
            if (!_idsByTitleKey.TryGetValue(row.TitleKey, out var ids))
            {
                _idsByTitleKey[row.TitleKey] = ids = new SortedSet<string>(StringComparer.Ordinal);
            }
            ids.Add(row.Paper.Id);
        }
        if (row.Paper.ArxivId is not null)
        {
            _idByArxivId[row.Paper.ArxivId] = row.Paper.Id;
        }
    }

    private void Unindex(string id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return;
        }
        if (row.TitleKey is not null && _idsByTitleKey.TryGetValue(row.TitleKey, out var ids))
        {
            ids.Remove(id);
        }
        if (row.Paper.ArxivId is not null && _idByArxivId.TryGetValue(row.Paper.ArxivId, out var holder) && holder == id)
        {
            _idByArxivId.Remove(row.Paper.ArxivId);
        }
    }

    /// <summary>
    /// Reads the stored rows with any of these ids, arXiv ids or title keys that the batch has not read
    /// yet. A row the batch has already replaced or deleted keeps its in-memory state.
    /// </summary>
    private async Task ReadAsync(IEnumerable<string> ids, IEnumerable<string> arxivIds, IEnumerable<string> titleKeys, CancellationToken cancellationToken)
    {
        string[] newIds = [.. ids.Where(_readIds.Add)];
        string[] newArxivIds = [.. arxivIds.Where(_readArxivIds.Add)];
        string[] newTitleKeys = [.. titleKeys.Where(_readTitleKeys.Add)];
        if (newIds.Length + newArxivIds.Length + newTitleKeys.Length == 0)
        {
            return;
        }
        await using var command = Command(
            $"SELECT {PostgresRows.Columns} FROM papers WHERE id = ANY($1) OR arxiv_id = ANY($2) OR title_key = ANY($3);");
        command.Parameters.Add(Texts(newIds));
        command.Parameters.Add(Texts(newArxivIds));
        command.Parameters.Add(Texts(newTitleKeys));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = PostgresRows.Read(reader);
            if (!_touched.Contains(row.Paper.Id) && !_rows.ContainsKey(row.Paper.Id))
            {
                Index(row);
            }
        }
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    private static NpgsqlParameter<string[]> Texts(string[] values) =>
        new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };
}
