using Microsoft.Data.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>What only the SQLite store has: its file's journal mode and schema version table.</summary>
public sealed class SqlitePaperStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_store_is_in_wal_mode_and_records_its_schema_version()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.InitializeAsync(None);

        await using var connection = new SqliteConnection($"Data Source={temp.Store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        string? mode = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "SELECT COUNT(*), MAX(version) FROM schema_version;";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal("wal", mode);
        Assert.Equal(8L, reader.GetInt64(0));
        Assert.Equal(8L, reader.GetInt64(1));
    }

    [Fact]
    public async Task Every_migration_up_to_the_subscriptions_is_recorded_in_order()
    {
        await using var temp = await TempStore.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={temp.Store.DatabasePath}");
        await connection.OpenAsync();
        await using var versions = connection.CreateCommand();
        versions.CommandText = "SELECT group_concat(version, ',') FROM (SELECT version FROM schema_version ORDER BY version);";

        string recorded = (string)(await versions.ExecuteScalarAsync())!;

        Assert.Equal("1,2,3,4,5,6,7,8", recorded);
    }
}
