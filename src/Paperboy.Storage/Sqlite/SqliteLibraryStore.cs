using Microsoft.Data.Sqlite;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>Libraries (saved papers, tags, notes), in the same SQLite file as the papers.</summary>
public sealed partial class SqlitePaperStore : ILibraryStore
{
    public async Task<IReadOnlyList<string>> SaveToLibraryAsync(long accountId, IReadOnlyList<string> paperIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var added = new List<string>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO library_items (account_id, paper_id, saved_at) VALUES ($account, $paper, $now) ON CONFLICT DO NOTHING;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$now", Stamp(now));
        var paper = command.Parameters.Add("$paper", SqliteType.Text);
        foreach (var id in paperIds.Distinct(StringComparer.Ordinal))
        {
            paper.Value = id;
            if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                added.Add(id);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public Task<bool> RemoveFromLibraryAsync(long accountId, string paperId, CancellationToken cancellationToken) =>
        ExecuteForItemAsync("DELETE FROM library_items WHERE account_id = $account AND paper_id = $paper;", accountId, paperId, null, cancellationToken);

    public async Task<LibraryItem?> GetLibraryItemAsync(long accountId, string paperId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{ItemSelect} WHERE i.account_id = $account AND i.paper_id = $paper;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$paper", paperId);
        var items = await ReadItemsAsync(command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    public async Task<IReadOnlyList<LibraryItem>> ListLibraryAsync(long accountId, string? tag, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = tag is null
            ? $"{ItemSelect} WHERE i.account_id = $account ORDER BY i.saved_at DESC, i.paper_id;"
            : $"{ItemSelect} WHERE i.account_id = $account AND EXISTS (SELECT 1 FROM library_tags f " +
              "WHERE f.account_id = i.account_id AND f.paper_id = i.paper_id AND f.tag = $tag) ORDER BY i.saved_at DESC, i.paper_id;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$tag", (object?)tag ?? DBNull.Value);
        return await ReadItemsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<(string Tag, int Count)>> ListLibraryTagsAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tag, COUNT(*) FROM library_tags WHERE account_id = $account GROUP BY tag ORDER BY tag;";
        command.Parameters.AddWithValue("$account", accountId);
        var tags = new List<(string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tags.Add((reader.GetString(0), (int)reader.GetInt64(1)));
        }
        return tags;
    }

    public Task<bool> AddLibraryTagAsync(long accountId, string paperId, string tag, CancellationToken cancellationToken) =>
        // Selecting from library_items makes a tag on an unsaved paper a no-op rather than a foreign key error.
        ExecuteForItemAsync("INSERT INTO library_tags (account_id, paper_id, tag) SELECT account_id, paper_id, $value FROM library_items " +
            "WHERE account_id = $account AND paper_id = $paper ON CONFLICT DO NOTHING;", accountId, paperId, tag, cancellationToken);

    public Task<bool> RemoveLibraryTagAsync(long accountId, string paperId, string tag, CancellationToken cancellationToken) =>
        ExecuteForItemAsync("DELETE FROM library_tags WHERE account_id = $account AND paper_id = $paper AND tag = $value;",
            accountId, paperId, tag, cancellationToken);

    public async Task<bool> SetLibraryNoteAsync(long accountId, string paperId, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE library_items SET note = $note, note_updated_at = $now WHERE account_id = $account AND paper_id = $paper;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$paper", paperId);
        command.Parameters.AddWithValue("$note", note);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    // Tags ride along as one string: \u001f cannot be in a tag (the service rejects control characters).
    private const string ItemSelect =
        "SELECT i.paper_id, i.saved_at, i.note, (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM library_tags t " +
        "WHERE t.account_id = i.account_id AND t.paper_id = i.paper_id ORDER BY tag)) FROM library_items i";

    private static async Task<List<LibraryItem>> ReadItemsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<LibraryItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string[] tags = reader.IsDBNull(3) ? [] : reader.GetString(3).Split('\u001f');
            items.Add(new LibraryItem(reader.GetString(0), ParseTime(reader.GetString(1)), tags, reader.GetString(2)));
        }
        return items;
    }

    private async Task<bool> ExecuteForItemAsync(string sql, long accountId, string paperId, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$paper", paperId);
        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
