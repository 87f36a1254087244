using Microsoft.Data.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>What only the SQLite store needs checked about the list days: that its index is used.</summary>
public sealed class ListDayTests
{
    [Fact]
    public async Task The_list_day_queries_use_the_list_day_index()
    {
        await using var temp = await TempStore.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={temp.Store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "EXPLAIN QUERY PLAN SELECT MAX(COALESCE(trending_date, substr(published, 1, 10), substr(first_seen, 1, 10))) FROM papers " +
            "WHERE COALESCE(trending_date, substr(published, 1, 10), substr(first_seen, 1, 10)) < '2024-03-05';";
        string plan = "";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan += reader.GetString(3) + "\n";
            }
        }

        Assert.Contains("papers_by_list_day", plan, StringComparison.Ordinal);
    }
}
