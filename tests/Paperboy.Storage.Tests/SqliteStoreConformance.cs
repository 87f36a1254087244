using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>The contract on SQLite: a store in a fresh temporary data directory per test.</summary>
public sealed class SqliteStoreConformance : PaperStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.SqliteAsync();
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
        return new StoreUnderTest(store, sql => TestStores.SqliteScalarAsync(store.DatabasePath, sql), async () =>
        {
            await store.DisposeAsync();
            await temp.DisposeAsync();
        });
    }
}

/// <summary>The account contracts on SQLite, each test in a fresh temporary data directory.</summary>
public sealed class SqliteAccountStoreConformance : AccountStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.SqliteAsync();
}

public sealed class SqliteUpvoteStoreConformance : UpvoteStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.SqliteAsync();
}

public sealed class SqliteLibraryStoreConformance : LibraryStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.SqliteAsync();
}

public sealed class SqliteFollowStoreConformance : FollowStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.SqliteAsync();
}

public sealed class SqliteSubscriptionStoreConformance : SubscriptionStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.SqliteAsync();
}

/// <summary>The outbox contract on SQLite, and how SQLite takes over a claim: at once.</summary>
public sealed class SqliteOutboxConformance : OutboxStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.SqliteAsync();

    [Fact]
    public async Task A_message_left_sending_is_claimed_again_at_once_because_the_sender_holds_the_outbox_alone()
    {
        await using var temp = await CreateStoreAsync();
        var outbox = temp.Outbox;
        await outbox.EnqueueAsync(Message("digest"), T0, None);
        await outbox.EnqueueAsync(Message("older-due-later"), T0.AddMinutes(-1), None);
        var left = await outbox.ClaimNextAsync(T0, Lease, None);

        var retaken = await outbox.ClaimNextAsync(T0.AddSeconds(1), Lease, None);

        Assert.False(outbox.AllowsConcurrentSenders);
        Assert.Equal(left!.Id, retaken!.Id);
        Assert.Equal(2, retaken.Attempts);
    }
}
