using Paperboy.Storage.Postgres;
using Paperboy.Testing;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>Stores on a fresh database of the shared throwaway server, migrated, and dropped with it.</summary>
internal static class PostgresStores
{
    public static async Task<StoreUnderTest> CreateAsync()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        var store = new PostgresPaperStore(server.ConnectionString(database));
        await store.InitializeAsync(CancellationToken.None);
        return new StoreUnderTest(store, async () =>
        {
            await store.DisposeAsync();
            await server.DropDatabaseAsync(database);
        });
    }
}
