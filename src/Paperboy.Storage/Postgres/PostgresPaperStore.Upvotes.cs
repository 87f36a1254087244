using Npgsql;
using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;
using static Paperboy.Storage.Postgres.PostgresValues;

namespace Paperboy.Storage.Postgres;

/// <summary>Local upvotes, in the same database as the papers (migration 0003).</summary>
public sealed partial class PostgresPaperStore : IUpvoteStore
{
    public async Task<bool> SetUpvoteAsync(long accountId, string paperId, bool upvoted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The primary key (account, paper) makes it one upvote per account per paper, whichever node casts it.
        await using var command = upvoted
            ? new NpgsqlCommand("INSERT INTO upvotes (account_id, paper_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;", connection)
            : new NpgsqlCommand("DELETE FROM upvotes WHERE account_id = $1 AND paper_id = $2;", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Text(paperId));
        if (upvoted)
        {
            command.Parameters.Add(Time(now));
        }
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlySet<string>> ListUpvotedAsync(long accountId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var upvoted = new HashSet<string>(StringComparer.Ordinal);
        if (paperIds.Count == 0)
        {
            return upvoted;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT paper_id FROM upvotes WHERE account_id = $1 AND paper_id = ANY($2);", connection);
        command.Parameters.Add(Bigint(accountId));
        command.Parameters.Add(Texts(paperIds.Distinct(StringComparer.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            upvoted.Add(reader.GetString(0));
        }
        return upvoted;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLocalUpvotesAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paperIds);
        var counts = paperIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        if (counts.Count == 0)
        {
            return counts;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT paper_id, COUNT(*) FROM upvotes WHERE paper_id = ANY($1) GROUP BY paper_id;", connection);
        command.Parameters.Add(Texts(counts.Keys));
        await ReadCountsAsync(command, counts, cancellationToken);
        return counts;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLocalUpvotesCastBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT paper_id, COUNT(*) FROM upvotes WHERE created_at >= $1 AND created_at < $2 GROUP BY paper_id;", connection);
        command.Parameters.Add(Time(from));
        command.Parameters.Add(Time(to));
        await ReadCountsAsync(command, counts, cancellationToken);
        return counts;
    }

    public async Task<IReadOnlyList<LocalUpvote>> ListLocalUpvotesCastBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT paper_id, created_at FROM upvotes WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, paper_id;", connection);
        command.Parameters.Add(Time(from));
        command.Parameters.Add(Time(to));
        var upvotes = new List<LocalUpvote>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            upvotes.Add(new LocalUpvote(reader.GetString(0), PostgresRows.Time(reader, 1)!.Value));
        }
        return upvotes;
    }

    private static async Task ReadCountsAsync(NpgsqlCommand command, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = checked((int)reader.GetInt64(1));
        }
    }
}
