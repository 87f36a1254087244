using System.Runtime.CompilerServices;
using Npgsql;
using Paperboy.Core.Papers;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// The change feed: rows stamped after a generation (papers.changed_generation) and ids removed after it
/// (removed_papers). Both are written by <see cref="PostgresPaperBatch"/> in the batch's transaction.
/// </summary>
public sealed partial class PostgresPaperStore
{
    public async IAsyncEnumerable<Paper> ScanChangedSinceAsync(
        long generation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        await using var connection = await OpenAsync(cancellationToken);
        // The order of papers_by_changed_generation, so the rows stream without a sort.
        await using var command = new NpgsqlCommand(
            $"SELECT {PostgresRows.Columns} FROM papers WHERE changed_generation > $1 ORDER BY changed_generation, id;", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = generation });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return PostgresRows.Read(reader).Paper;
        }
    }

    public async Task<IReadOnlyList<string>> ListRemovedSinceAsync(long generation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        await using var connection = await OpenAsync(cancellationToken);
        // No check against papers is needed: a batch deletes an id's row here whenever it stores the id again.
        await using var command = new NpgsqlCommand(
            "SELECT id FROM removed_papers WHERE removed_generation > $1 ORDER BY removed_generation, id;", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = generation });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
