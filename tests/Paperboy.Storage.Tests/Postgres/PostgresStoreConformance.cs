using Paperboy.Storage.Postgres;
using Paperboy.Testing;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>
/// The contract on PostgreSQL: a fresh database per test on the shared throwaway server, migrated by
/// the store on first use, dropped afterwards.
/// </summary>
public sealed class PostgresStoreConformance : PaperStoreConformance
{
    private protected override async Task<StoreUnderTest> CreateStoreAsync()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        var store = new PostgresPaperStore(server.ConnectionString(database));
        await store.InitializeAsync(None);
        return new StoreUnderTest(store, async () =>
        {
            await store.DisposeAsync();
            await server.DropDatabaseAsync(database);
        });
    }
}
