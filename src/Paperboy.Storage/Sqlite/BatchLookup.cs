using System.Text.Json;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Papers;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// What a batch's upserts would look up, read before the batch in at most three queries instead of two
/// per paper: the stored rows with the batch's ids, and which of the batch's title keys have a stored
/// row a title lookup could match (docs/STORE.md, rule 1: only a title-only row and an arXiv row merge).
/// It never answers differently from the per-paper queries: an id the batch has written or deleted is
/// looked up again, and a title lookup is skipped only where the store provably holds no row of the
/// other kind with that key.
/// </summary>
internal sealed class BatchLookup
{
    private readonly Dictionary<string, (Paper Paper, string Hash)> _rows;
    private readonly HashSet<string> _loadedIds;
    private readonly HashSet<string> _touchedIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keysWithTitleOnlyRow;
    private readonly HashSet<string> _keysWithArxivRow;

    private BatchLookup(
        Dictionary<string, (Paper, string)> rows, HashSet<string> loadedIds,
        HashSet<string> keysWithTitleOnlyRow, HashSet<string> keysWithArxivRow)
    {
        _rows = rows;
        _loadedIds = loadedIds;
        _keysWithTitleOnlyRow = keysWithTitleOnlyRow;
        _keysWithArxivRow = keysWithArxivRow;
    }

    /// <param name="papers">The batch, each with its title key (null for a title with no letters or digits).</param>
    public static async Task<BatchLookup> LoadAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(Paper Paper, string? TitleKey)> papers,
        CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var arxivKeys = new HashSet<string>(StringComparer.Ordinal);
        var titleOnlyKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (paper, key) in papers)
        {
            ids.Add(paper.Id);
            if (key is not null)
            {
                (paper.ArxivId is null ? titleOnlyKeys : arxivKeys).Add(key);
            }
        }

        var rows = new Dictionary<string, (Paper, string)>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction,
            $"SELECT {PaperRows.Columns} FROM papers WHERE id IN (SELECT value FROM json_each($values));", ids))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = PaperRows.Read(reader);
                rows[row.Paper.Id] = row;
            }
        }

        // An arXiv record can only merge with a title-only row, and a title-only record only with an arXiv row.
        var withTitleOnlyRow = await KeysAsync(connection, transaction, "arxiv_id IS NULL", arxivKeys, cancellationToken);
        var withArxivRow = await KeysAsync(connection, transaction, "arxiv_id IS NOT NULL", titleOnlyKeys, cancellationToken);
        return new BatchLookup(rows, ids, withTitleOnlyRow, withArxivRow);
    }

    /// <summary>
    /// The stored row with this id as the per-paper query would return it, or false when the answer
    /// is not known here (an id outside the batch, or one the batch has since written or deleted).
    /// </summary>
    public bool TryGetById(string id, out (Paper Paper, string Hash)? row)
    {
        if (!_loadedIds.Contains(id) || _touchedIds.Contains(id))
        {
            row = null;
            return false;
        }
        row = _rows.TryGetValue(id, out var found) ? found : null;
        return true;
    }

    /// <summary>False when no stored row could match <paramref name="incoming"/> by title, so the lookup can be skipped.</summary>
    public bool MayMatchByTitle(Paper incoming, string titleKey) =>
        incoming.ArxivId is null ? _keysWithArxivRow.Contains(titleKey) : _keysWithTitleOnlyRow.Contains(titleKey);

    /// <summary>Records a row the batch wrote, so later lookups in the batch see it.</summary>
    public void Wrote(Paper paper, string? titleKey)
    {
        _touchedIds.Add(paper.Id);
        if (titleKey is not null)
        {
            (paper.ArxivId is null ? _keysWithTitleOnlyRow : _keysWithArxivRow).Add(titleKey);
        }
    }

    /// <summary>
    /// Records a row the batch deleted: a title-only row an arXiv record took over, or a row that held an
    /// arXiv id another row now claims. Its title key stays listed: a key listed in vain only costs a query.
    /// </summary>
    public void Deleted(string id) => _touchedIds.Add(id);

    private static async Task<HashSet<string>> KeysAsync(
        SqliteConnection connection, SqliteTransaction transaction, string kind, HashSet<string> keys, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }
        await using var command = Command(connection, transaction,
            $"SELECT DISTINCT papers.title_key FROM json_each($values) AS keys {TitleKeySql.JoinOnKeys} WHERE papers.{kind};", keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }
        return found;
    }

    // One JSON array parameter instead of one parameter per value: no statement text per batch size, no parameter limit.
    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, HashSet<string> values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$values", JsonSerializer.Serialize(values.ToList(), StorageJson.Default.ListString));
        return command;
    }
}
