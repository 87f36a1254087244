using System.Runtime.CompilerServices;
using Paperboy.Core.Papers;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// The change feed: rows stamped after a generation (papers.changed_generation) and ids removed after it
/// (removed_papers). Both are written by <see cref="SqlitePaperWriter"/> in the batch's transaction.
/// </summary>
public sealed partial class SqlitePaperStore
{
    public async IAsyncEnumerable<Paper> ScanChangedSinceAsync(
        long generation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The order of papers_by_changed_generation, so the rows stream without a sort.
        command.CommandText =
            $"SELECT {PaperRows.Columns} FROM papers WHERE changed_generation > $generation ORDER BY changed_generation, id;";
        command.Parameters.AddWithValue("$generation", generation);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return PaperRows.Read(reader).Paper;
        }
    }

    public async Task<IReadOnlyList<string>> ListRemovedSinceAsync(long generation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // No check against papers is needed: the writer deletes an id's row here whenever it stores the id again.
        command.CommandText =
            "SELECT id FROM removed_papers WHERE removed_generation > $generation ORDER BY removed_generation, id;";
        command.Parameters.AddWithValue("$generation", generation);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
