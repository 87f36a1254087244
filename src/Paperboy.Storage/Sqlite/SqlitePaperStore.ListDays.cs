using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>The dated lists' queries: entries of a range of list days, and the days around one.</summary>
public sealed partial class SqlitePaperStore
{
    // Must match the indexed expression of migration 0006 character for character, or SQLite scans.
    private const string ListDay = "COALESCE(trending_date, substr(published, 1, 10), substr(first_seen, 1, 10))";

    public async Task<IReadOnlyList<PaperListEntry>> ListDayEntriesAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT id, {ListDay}, upvotes, published, categories FROM papers WHERE {ListDay} BETWEEN $first AND $last;";
        command.Parameters.AddWithValue("$first", Day(first));
        command.Parameters.AddWithValue("$last", Day(last));
        var entries = new List<PaperListEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new PaperListEntry(
                reader.GetString(0),
                ParseDay(reader.GetString(1)),
                reader.IsDBNull(2) ? 0 : (int)reader.GetInt64(2),
                reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                JsonSerializer.Deserialize(reader.GetString(4), StorageJson.Default.ListString) ?? []));
        }
        return entries;
    }

    public Task<DateOnly?> LatestListDayAsync(DateOnly? before, CancellationToken cancellationToken) =>
        before is { } day
            ? DayAsync($"SELECT MAX({ListDay}) FROM papers WHERE {ListDay} < $day;", day, cancellationToken)
            : DayAsync($"SELECT MAX({ListDay}) FROM papers;", null, cancellationToken);

    public Task<DateOnly?> EarliestListDayAfterAsync(DateOnly after, CancellationToken cancellationToken) =>
        DayAsync($"SELECT MIN({ListDay}) FROM papers WHERE {ListDay} > $day;", after, cancellationToken);

    private async Task<DateOnly?> DayAsync(string sql, DateOnly? day, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (day is { } value)
        {
            command.Parameters.AddWithValue("$day", Day(value));
        }
        return await command.ExecuteScalarAsync(cancellationToken) is string text ? ParseDay(text) : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
