using Paperboy.Core.Storage;

namespace Paperboy.Storage.Tests;

/// <summary>
/// A fresh store a conformance test runs against, seen as each contract it implements; a way to
/// count rows behind its back; and what disposing it cleans up.
/// </summary>
internal sealed class StoreUnderTest(IPaperStore store, Func<string, Task<long>> scalar, Func<ValueTask> cleanUp) : IAsyncDisposable
{
    public IPaperStore Store { get; } = store;

    /// <summary>The same store seen as the sync state store: every store implements both.</summary>
    public ISyncStateStore SyncState => (ISyncStateStore)Store;

    /// <summary>The same store seen as the mail outbox: every store implements it.</summary>
    public IOutboxStore Outbox => (IOutboxStore)Store;

    public IAccountStore Accounts => (IAccountStore)Store;

    public IUpvoteStore Upvotes => (IUpvoteStore)Store;

    public ILibraryStore Library => (ILibraryStore)Store;

    public IFollowStore Follows => (IFollowStore)Store;

    public ISubscriptionStore Subscriptions => (ISubscriptionStore)Store;

    /// <summary>Runs a query that returns one integer directly on the store's database (SQL both stores speak).</summary>
    public Task<long> ScalarAsync(string sql) => scalar(sql);

    public ValueTask DisposeAsync() => cleanUp();
}
