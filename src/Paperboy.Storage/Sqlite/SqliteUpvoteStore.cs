using Microsoft.Data.Sqlite;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>Local upvotes, in the same SQLite file as the papers.</summary>
public sealed partial class SqlitePaperStore : IUpvoteStore
{
    public async Task<bool> SetUpvoteAsync(long accountId, string paperId, bool upvoted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The primary key (account, paper) is what makes it one upvote per account per paper.
        command.CommandText = upvoted
            ? "INSERT INTO upvotes (account_id, paper_id, created_at) VALUES ($account, $paper, $now) ON CONFLICT DO NOTHING;"
            : "DELETE FROM upvotes WHERE account_id = $account AND paper_id = $paper;";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$paper", paperId);
        command.Parameters.AddWithValue("$now", Stamp(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlySet<string>> ListUpvotedAsync(long accountId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var upvoted = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in paperIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT paper_id FROM upvotes WHERE account_id = $account AND paper_id IN ({InList(command, chunk)});";
            command.Parameters.AddWithValue("$account", accountId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                upvoted.Add(reader.GetString(0));
            }
        }
        return upvoted;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLocalUpvotesAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var counts = paperIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in counts.Keys.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT paper_id, COUNT(*) FROM upvotes WHERE paper_id IN ({InList(command, chunk)}) GROUP BY paper_id;";
            await ReadCountsAsync(command, counts, cancellationToken);
        }
        return counts;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLocalUpvotesCastBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT paper_id, COUNT(*) FROM upvotes WHERE created_at >= $from AND created_at < $to GROUP BY paper_id;";
        command.Parameters.AddWithValue("$from", Stamp(from));
        command.Parameters.AddWithValue("$to", Stamp(to));
        await ReadCountsAsync(command, counts, cancellationToken);
        return counts;
    }

    public async Task<IReadOnlyList<LocalUpvote>> ListLocalUpvotesCastBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT paper_id, created_at FROM upvotes WHERE created_at >= $from AND created_at < $to ORDER BY created_at, paper_id;";
        command.Parameters.AddWithValue("$from", Stamp(from));
        command.Parameters.AddWithValue("$to", Stamp(to));
        var upvotes = new List<LocalUpvote>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            upvotes.Add(new LocalUpvote(reader.GetString(0), ParseTime(reader.GetString(1))));
        }
        return upvotes;
    }

    private static async Task ReadCountsAsync(SqliteCommand command, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }
    }

    /// <summary>Binds the values as $p0, $p1, ... and returns the list for an IN clause.</summary>
    private static string InList(SqliteCommand command, IEnumerable<string> values) =>
        string.Join(", ", values.Select((value, i) =>
        {
            command.Parameters.AddWithValue($"$p{i}", value);
            return $"$p{i}";
        }));
}
