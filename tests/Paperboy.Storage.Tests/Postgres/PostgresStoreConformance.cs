namespace Paperboy.Storage.Tests.Postgres;

/// <summary>
/// The contract on PostgreSQL: a fresh database per test on the shared throwaway server, migrated by
/// the store on first use, dropped afterwards.
/// </summary>
public sealed class PostgresStoreConformance : PaperStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => PostgresStores.CreateAsync();
}

/// <summary>The outbox contract on PostgreSQL; claims by several nodes are tested in <see cref="PostgresOutboxClaimTests"/>.</summary>
public sealed class PostgresOutboxConformance : OutboxStoreConformance
{
    private protected override Task<StoreUnderTest> CreateStoreAsync() => PostgresStores.CreateAsync();
}
