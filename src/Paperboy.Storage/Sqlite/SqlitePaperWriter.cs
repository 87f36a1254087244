using System.Globalization;
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
/// Both paths stamp every row they write with the batch's generation and record every id they delete
/// in removed_papers, which is what the change feed reads (docs/STORE.md).
/// </summary>
internal sealed class SqlitePaperWriter : IAsyncDisposable
{
    private readonly SqliteCommand _findById;
    private readonly SqliteCommand _findByTitleKey;
    private readonly SqliteCommand _insert;
    private readonly PaperInsert? _bulkInsert;
    private readonly object?[] _values = new object?[PaperRows.ColumnCount];
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _anyForeignArxivId;
    private readonly SqliteCommand _evictArxivHolder;
    private readonly SqliteCommand _recordRemoval;
    private readonly SqliteCommand _forgetStoredAgain;
    private readonly SqliteCommand _advanceGeneration;
    private readonly BatchLookup? _lookup;
    private readonly long _generation;
    // Each id the batch wrote or removed, with its paper as written or null if it ended removed.
    private readonly Dictionary<string, Paper?>? _outcome;
    private bool? _mayHoldForeignArxivIds;

    /// <param name="generation">
    /// The generation the batch commits as (the stored one plus one): every row it writes or removes
    /// is stamped with it, and <see cref="AdvanceGenerationAsync"/> makes it the store's.
    /// </param>
    /// <param name="recordsOutcome">Whether to keep what <see cref="Outcome"/> returns (only when someone observes batches).</param>
    public SqlitePaperWriter(SqliteConnection connection, SqliteTransaction transaction, long generation, BatchLookup? lookup = null, bool recordsOutcome = false)
    {
        _lookup = lookup;
        _generation = generation;
        _outcome = recordsOutcome ? new Dictionary<string, Paper?>(StringComparer.Ordinal) : null;
        _findById = Prepare(connection, transaction, $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id;", "$id");
        // A title-only paper and its arXiv record share the title key; arXiv records sort first.
        _findByTitleKey = Prepare(connection, transaction,
            $"SELECT {PaperRows.Columns} FROM papers WHERE {TitleKeySql.MatchesKeyParameter} ORDER BY arxiv_id IS NULL, id LIMIT 8;", "$key");
        _insert = Prepare(connection, transaction, $"INSERT OR REPLACE INTO papers ({PaperRows.Columns}) VALUES ({PaperRows.Parameters});");
        PaperRows.AddParameters(_insert);
        _bulkInsert = lookup is null ? null : new PaperInsert(connection);
        _delete = Prepare(connection, transaction, "DELETE FROM papers WHERE id = $id;", "$id");
        // Answered from the partial index papers_with_foreign_arxiv_id, which is normally empty.
        _anyForeignArxivId = Prepare(connection, transaction, "SELECT EXISTS (SELECT 1 FROM papers WHERE arxiv_id <> id);");
        _evictArxivHolder = Prepare(connection, transaction,
            "DELETE FROM papers WHERE arxiv_id = $arxiv_id AND id <> $id RETURNING id;", "$arxiv_id", "$id");
        _recordRemoval = Prepare(connection, transaction,
            "INSERT INTO removed_papers (id, removed_generation) VALUES ($id, $generation) " +
            "ON CONFLICT (id) DO UPDATE SET removed_generation = excluded.removed_generation;", "$id", "$generation");
        // One statement per batch, not one per row: it probes removed_papers only for the rows this batch stamped.
        _forgetStoredAgain = Prepare(connection, transaction,
            "DELETE FROM removed_papers WHERE id IN (SELECT id FROM papers WHERE changed_generation = $generation);", "$generation");
        _advanceGeneration = Prepare(connection, transaction,
            "UPDATE store_generation SET generation = $generation WHERE singleton = 1;", "$generation");
        foreach (var command in new[] { _recordRemoval, _forgetStoredAgain, _advanceGeneration })
        {
            command.Parameters["$generation"].Value = generation;
        }
    }

    /// <param name="titleKey">TitleKey.TryIdFor(incoming.Title), computed once by the caller.</param>
    public async Task<UpsertSummary> UpsertAsync(Paper incoming, string? titleKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await FindByIdAsync(incoming.Id, cancellationToken)
            ?? await FindTitleMatchAsync(incoming, titleKey, cancellationToken);

        if (existing is null)
        {
            // The first-seen date is not part of the content hash, so the incoming paper's is the row's.
            await WriteAsync(incoming with { FirstSeen = incoming.FirstSeen ?? now }, titleKey, PaperFingerprint.Of(incoming), now, cancellationToken);
            return new UpsertSummary(1, 0, 0);
        }

        var (stored, storedHash) = existing.Value;
        var merged = PaperMerger.Merge(stored, incoming);
        string hash = PaperFingerprint.Of(merged);
        if (merged.Id == stored.Id && PaperFingerprint.Matches(merged, hash, storedHash))
        {
            return new UpsertSummary(0, 0, 1);
        }
        if (merged.Id != stored.Id)
        {
            _delete.Parameters[0].Value = stored.Id;
            await _delete.ExecuteNonQueryAsync(cancellationToken);
            await RecordRemovalAsync(stored.Id, cancellationToken);
        }
        await WriteAsync(merged, ReferenceEquals(merged.Title, incoming.Title) ? titleKey : TitleKey.TryIdFor(merged.Title), hash, now, cancellationToken);
        return new UpsertSummary(0, 1, 0);
    }

    /// <summary>
    /// Makes the batch's generation the store's; called once, and only when the batch changed a paper.
    /// An id the batch removed and then stored again, or stored again after an earlier batch removed it,
    /// stops being listed as removed: it is in papers, stamped as changed (docs/STORE.md, change feed).
    /// </summary>
    public async Task AdvanceGenerationAsync(CancellationToken cancellationToken)
    {
        await _forgetStoredAgain.ExecuteNonQueryAsync(cancellationToken);
        await _advanceGeneration.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// What the batch changed, as the change feed will list it once the batch commits: the last paper
    /// written under each id, and the ids removed and not written again. Ids are in ordinal order, the
    /// feed's order within a generation for the ASCII ids every source gives.
    /// </summary>
    public StoredBatch Outcome()
    {
        if (_outcome is null)
        {
            throw new InvalidOperationException("store: this writer was not asked to record its outcome");
        }
        var changed = new List<Paper>(_outcome.Count);
        var removed = new List<string>();
        foreach (var (id, paper) in _outcome)
        {
            if (paper is null)
            {
                removed.Add(id);
            }
            else
            {
                changed.Add(paper);
            }
        }
        changed.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        removed.Sort(StringComparer.Ordinal);
        return new StoredBatch(_generation, changed, removed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _findById, _findByTitleKey, _insert, _delete, _anyForeignArxivId, _evictArxivHolder, _recordRemoval, _forgetStoredAgain, _advanceGeneration })
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

    /// <param name="contentHash">PaperFingerprint.Of(paper), computed once by the caller.</param>
    private async Task WriteAsync(Paper paper, string? titleKey, string contentHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (paper.ArxivId is not null && await MayClaimAnotherRowsArxivIdAsync(paper, cancellationToken))
        {
            await EvictArxivHolderAsync(paper, cancellationToken);
        }
        if (_bulkInsert is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            PaperRows.Values(paper, titleKey, contentHash, now, _generation, _values);
            _bulkInsert.Execute(_values);
        }
        else
        {
            PaperRows.Bind(_insert, paper, titleKey, contentHash, now, _generation);
            await _insert.ExecuteNonQueryAsync(cancellationToken);
        }
        _lookup?.Wrote(paper, titleKey);
        if (_outcome is not null)
        {
            _outcome[paper.Id] = paper;
        }
    }

    /// <summary>
    /// Whether another row may hold this paper's arXiv id. Two rows can share an arXiv id only if one of
    /// them has an id that is not its arXiv id, which no source makes (docs/STORE.md, Ids): so this is
    /// answered once a batch from a normally empty index, and the per-row check runs only where such a
    /// row exists or this paper is one. Written papers were looked up by id first, so a row with this
    /// paper's id is never the one in question.
    /// </summary>
    private async ValueTask<bool> MayClaimAnotherRowsArxivIdAsync(Paper paper, CancellationToken cancellationToken)
    {
        if (paper.ArxivId != paper.Id)
        {
            _mayHoldForeignArxivIds = true;
            return true;
        }
        _mayHoldForeignArxivIds ??= Convert.ToInt64(await _anyForeignArxivId.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
        return _mayHoldForeignArxivIds.Value;
    }

    /// <summary>
    /// Deletes the row that holds this paper's arXiv id under another id, and records its removal.
    /// INSERT OR REPLACE would delete it anyway (arxiv_id is UNIQUE), but silently, and the change feed
    /// must name it.
    /// </summary>
    private async Task EvictArxivHolderAsync(Paper paper, CancellationToken cancellationToken)
    {
        _evictArxivHolder.Parameters[0].Value = paper.ArxivId;
        _evictArxivHolder.Parameters[1].Value = paper.Id;
        var evicted = new List<string>(1);
        await using (var reader = await _evictArxivHolder.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                evicted.Add(reader.GetString(0));
            }
        }
        foreach (var id in evicted)
        {
            await RecordRemovalAsync(id, cancellationToken);
        }
    }

    private async Task RecordRemovalAsync(string id, CancellationToken cancellationToken)
    {
        _recordRemoval.Parameters[0].Value = id;
        await _recordRemoval.ExecuteNonQueryAsync(cancellationToken);
        _lookup?.Deleted(id);
        if (_outcome is not null)
        {
            _outcome[id] = null;
        }
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
