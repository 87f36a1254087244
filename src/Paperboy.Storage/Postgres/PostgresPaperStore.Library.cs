using Npgsql;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;
using static Paperboy.Storage.Postgres.PostgresValues;

namespace Paperboy.Storage.Postgres;

/// <summary>Libraries (saved papers, tags, notes), in the same database as the papers (migration 0003).</summary>
public sealed partial class PostgresPaperStore : ILibraryStore
{
    // Tags come back as one sorted array per item; NULL when the item has none.
    private const string ItemSelect =
        "SELECT i.paper_id, i.saved_at, i.note, (SELECT array_agg(t.tag ORDER BY t.tag) FROM library_tags t " +
        "WHERE t.account_id = i.account_id AND t.paper_id = i.paper_id) FROM library_items i";

    public async Task<IReadOnlyList<string>> SaveToLibraryAsync(long accountId, IReadOnlyList<string> paperIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var distinct = paperIds.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return [];
        }
        await using var connection = await OpenAsync(cancellationToken);
        // One statement saves them all or none; RETURNING names the rows it added, in no set order.
        await using var command = new NpgsqlCommand(
            "INSERT INTO library_items (account_id, paper_id, saved_at) SELECT $1, paper_id, $3 FROM unnest($2) AS paper_id " +
            "ON CONFLICT DO NOTHING RETURNING paper_id;", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Texts(distinct));
        command.Parameters.Add(Time(now));
        var added = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                added.Add(reader.GetString(0));
            }
        }
        return distinct.Where(added.Contains).ToList();
    }

    public Task<bool> RemoveFromLibraryAsync(long accountId, string paperId, CancellationToken cancellationToken) =>
        ExecuteForItemAsync("DELETE FROM library_items WHERE account_id = $1 AND paper_id = $2;", accountId, paperId, null, cancellationToken);

    public async Task<LibraryItem?> GetLibraryItemAsync(long accountId, string paperId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"{ItemSelect} WHERE i.account_id = $1 AND i.paper_id = $2;", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(paperId));
        var items = await ReadItemsAsync(command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    public async Task<IReadOnlyList<LibraryItem>> ListLibraryAsync(long accountId, string? tag, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(tag is null
            ? $"{ItemSelect} WHERE i.account_id = $1 ORDER BY i.saved_at DESC, i.paper_id;"
            : $"{ItemSelect} WHERE i.account_id = $1 AND EXISTS (SELECT 1 FROM library_tags f " +
              "WHERE f.account_id = i.account_id AND f.paper_id = i.paper_id AND f.tag = $2) ORDER BY i.saved_at DESC, i.paper_id;", connection);
        command.Parameters.Add(Bigint(accountId));
        if (tag is not null)
        {
            command.Parameters.Add(Text(tag));
        }
        return await ReadItemsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<(string Tag, int Count)>> ListLibraryTagsAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT tag, COUNT(*) FROM library_tags WHERE account_id = $1 GROUP BY tag ORDER BY tag;", connection);
        command.Parameters.Add(Bigint(accountId));
        var tags = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tags.Add((reader.GetString(0), checked((int)reader.GetInt64(1))));
        }
        return tags;
    }

    public async Task<bool> AddLibraryTagAsync(long accountId, string paperId, string tag, CancellationToken cancellationToken)
    {
        try
        {
            // Selecting from library_items makes a tag on an unsaved paper a no-op rather than a foreign key error.
            return await ExecuteForItemAsync(
                "INSERT INTO library_tags (account_id, paper_id, tag) SELECT account_id, paper_id, $3 FROM library_items " +
                "WHERE account_id = $1 AND paper_id = $2 ON CONFLICT DO NOTHING;", accountId, paperId, tag, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // The item was removed (by another request) between the select and the insert: as unsaved.
            return false;
        }
    }

    public Task<bool> RemoveLibraryTagAsync(long accountId, string paperId, string tag, CancellationToken cancellationToken) =>
        ExecuteForItemAsync("DELETE FROM library_tags WHERE account_id = $1 AND paper_id = $2 AND tag = $3;",
            accountId, paperId, tag, cancellationToken);

    public async Task<bool> SetLibraryNoteAsync(long accountId, string paperId, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE library_items SET note = $3, note_updated_at = $4 WHERE account_id = $1 AND paper_id = $2;", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(paperId));
        command.Parameters.Add(Text(note));
        command.Parameters.Add(Time(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<List<LibraryItem>> ReadItemsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<LibraryItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string[] tags = reader.IsDBNull(3) ? [] : reader.GetFieldValue<string[]>(3);
            items.Add(new LibraryItem(reader.GetString(0), PostgresRows.Time(reader, 1)!.Value, tags, reader.GetString(2)));
        }
        return items;
    }

    /// <summary>Runs a statement over one library item ($1 account, $2 paper, $3 the value if any); true if it touched a row.</summary>
    private async Task<bool> ExecuteForItemAsync(string sql, long accountId, string paperId, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(paperId));
        if (value is not null)
        {
            command.Parameters.Add(Text(value));
        }
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
