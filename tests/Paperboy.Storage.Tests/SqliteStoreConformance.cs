using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>The contract on SQLite: a store in a fresh temporary data directory per test.</summary>
public sealed class SqliteStoreConformance : PaperStoreConformance
{
    private protected override async Task<StoreUnderTest> CreateStoreAsync()
    {
        var temp = await TempStore.CreateAsync();
        return new StoreUnderTest(temp.Store, temp.DisposeAsync);
    }
}

/// <summary>
/// The contract on SQLite's per-paper write path (no batch lookups), the plain reference the batch
/// path is compared with: both must stamp rows and record removals the same way.
/// </summary>
public sealed class SqlitePerPaperStoreConformance : PaperStoreConformance
{
    private protected override async Task<StoreUnderTest> CreateStoreAsync()
    {
        var temp = await TempStore.CreateAsync();
        var store = new SqlitePaperStore(temp.Store.DatabasePath) { BatchLookups = false };
        return new StoreUnderTest(store, async () =>
        {
            await store.DisposeAsync();
            await temp.DisposeAsync();
        });
    }
}
