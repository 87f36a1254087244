namespace Paperboy.Storage.Tests.Postgres;

/// <summary>
/// The contract on PostgreSQL: a fresh database per test on the shared throwaway server, migrated by
/// the store on first use, dropped afterwards.
/// </summary>
public sealed class PostgresStoreConformance : PaperStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.PostgresAsync();
}

/// <summary>The account contracts on PostgreSQL, each test in a fresh database of the shared server.</summary>
public sealed class PostgresAccountStoreConformance : AccountStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.PostgresAsync();
}

public sealed class PostgresUpvoteStoreConformance : UpvoteStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.PostgresAsync();
}

public sealed class PostgresLibraryStoreConformance : LibraryStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.PostgresAsync();
}

public sealed class PostgresFollowStoreConformance : FollowStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.PostgresAsync();
}

public sealed class PostgresSubscriptionStoreConformance : SubscriptionStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.PostgresAsync();
}

/// <summary>The outbox contract on PostgreSQL; claims by several nodes are tested in <see cref="PostgresOutboxClaimTests"/>.</summary>
public sealed class PostgresOutboxConformance : OutboxStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => TestStores.PostgresAsync();
}
