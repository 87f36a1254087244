using Npgsql;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// The dated lists' queries, over the generated column list_day and its index (migration 0001):
/// entries of a range of list days, and the days around one.
/// </summary>
public sealed partial class PostgresPaperStore
{
    public async Task<IReadOnlyList<PaperListEntry>> ListDayEntriesAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, list_day, upvotes, published, categories FROM papers WHERE list_day BETWEEN $1 AND $2;", connection);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = first });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = last });
        var entries = new List<PaperListEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new PaperListEntry(
                reader.GetString(0),
                reader.GetFieldValue<DateOnly>(1),
                reader.IsDBNull(2) ? 0 : reader.GetInt32(2),
                PostgresRows.Time(reader, 3),
                reader.GetFieldValue<string[]>(4)));
        }
        return entries;
    }

    public Task<DateOnly?> LatestListDayAsync(DateOnly? before, CancellationToken cancellationToken) =>
        before is { } day
            ? DayAsync("SELECT MAX(list_day) FROM papers WHERE list_day < $1;", day, cancellationToken)
            : DayAsync("SELECT MAX(list_day) FROM papers;", null, cancellationToken);

    public Task<DateOnly?> EarliestListDayAfterAsync(DateOnly after, CancellationToken cancellationToken) =>
        DayAsync("SELECT MIN(list_day) FROM papers WHERE list_day > $1;", after, cancellationToken);

    private async Task<DateOnly?> DayAsync(string sql, DateOnly? day, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (day is { } value)
        {
            command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = value });
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
    }
}
