using Npgsql;
using NpgsqlTypes;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// The account side of `paperboy copy`: every table of <see cref="AccountTables"/> made a mirror of the
/// source's, ids kept, in one transaction, so nodes reading meanwhile see either the old rows or the new.
/// </summary>
public sealed partial class PostgresPaperStore
{
    /// <summary>
    /// Deletes the account-side rows and writes <paramref name="read"/>'s in their place, table by table
    /// (parents first), then moves each identity sequence past the highest copied id so that rows added
    /// afterwards get new ids; returns the rows written per table, and reports each as it is written
    /// (before the commit).
    /// </summary>
    public async Task<IReadOnlyList<TableCount>> ReplaceAccountSideAsync(
        Func<AccountTable, CancellationToken, IAsyncEnumerable<object?[]>> read, IProgress<TableCount>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // DELETE rather than TRUNCATE: it takes no lock that would stop a running node from reading.
        await using (var clear = new NpgsqlCommand(
            string.Concat(AccountTables.All.Reverse().Select(t => $"DELETE FROM {t.Name};")), connection, transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        var counts = new List<TableCount>(AccountTables.All.Count);
        foreach (var table in AccountTables.All)
        {
            long rows = 0;
            // COPY, unlike INSERT, writes a GENERATED ALWAYS identity column as given.
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY);", cancellationToken))
            {
                await foreach (var row in read(table, cancellationToken))
                {
                    await copy.StartRowAsync(cancellationToken);
                    for (int i = 0; i < row.Length; i++)
                    {
                        await WriteValueAsync(copy, row[i], table.Columns[i].Kind, cancellationToken);
                    }
                    rows++;
                }
                await copy.CompleteAsync(cancellationToken);
            }
            if (table.Identity is { } identity)
            {
                await using var renumber = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{identity}'), COALESCE(MAX({identity}), 1), MAX({identity}) IS NOT NULL) FROM {table.Name};",
                    connection, transaction);
                await renumber.ExecuteNonQueryAsync(cancellationToken);
            }
            counts.Add(new TableCount(table.Name, rows));
            progress?.Report(counts[^1]);
        }
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<IReadOnlyList<TableCount>> CountAccountSideAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT " + string.Join(", ", AccountTables.All.Select(t => $"(SELECT COUNT(*) FROM {t.Name})")) + ";", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. AccountTables.All.Select((t, i) => new TableCount(t.Name, reader.GetInt64(i)))];
    }

    private static Task WriteValueAsync(NpgsqlBinaryImporter copy, object? value, ColumnKind kind, CancellationToken cancellationToken) => value switch
    {
        null => copy.WriteNullAsync(cancellationToken),
        long number => copy.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
        int number => copy.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
        bool flag => copy.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        byte[] bytes => copy.WriteAsync(bytes, NpgsqlDbType.Bytea, cancellationToken),
        DateTime time => copy.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken),
        string text => copy.WriteAsync(text, kind == ColumnKind.Json ? NpgsqlDbType.Json : NpgsqlDbType.Text, cancellationToken),
        _ => throw new ArgumentException($"store: unable to copy a {value.GetType().Name} into a {kind} column", nameof(value)),
    };
}
