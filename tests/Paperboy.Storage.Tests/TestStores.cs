using Microsoft.Data.Sqlite;
using Npgsql;
using Paperboy.Storage.Postgres;
using Paperboy.Testing;

namespace Paperboy.Storage.Tests;

/// <summary>The stores the conformance suites run on, each fresh, initialized and cleaned up afterwards.</summary>
internal static class TestStores
{
    /// <summary>A SQLite store in a fresh temporary data directory.</summary>
    public static async Task<StoreUnderTest> SqliteAsync()
    {
        var temp = await TempStore.CreateAsync();
        return new StoreUnderTest(temp.Store, sql => SqliteScalarAsync(temp.Store.DatabasePath, sql), temp.DisposeAsync);
    }

    /// <summary>Runs a query that returns one integer on the SQLite file at <paramref name="path"/>.</summary>
    public static async Task<long> SqliteScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A PostgreSQL store on a fresh database of the shared throwaway server, migrated.</summary>
    public static async Task<StoreUnderTest> PostgresAsync()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        var store = new PostgresPaperStore(server.ConnectionString(database));
        await store.InitializeAsync(CancellationToken.None);
        return new StoreUnderTest(store, async sql =>
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString(database));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }, async () =>
        {
            await store.DisposeAsync();
            await server.DropDatabaseAsync(database);
        });
    }
}
