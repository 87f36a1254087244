using Paperboy.Core.Storage;

namespace Paperboy.Storage.Tests;

/// <summary>A fresh store a conformance test runs against, and what disposing it cleans up.</summary>
internal sealed class StoreUnderTest(IPaperStore store, Func<ValueTask> cleanUp) : IAsyncDisposable
{
    public IPaperStore Store { get; } = store;

    /// <summary>The same store seen as the sync state store: every store implements both.</summary>
    public ISyncStateStore SyncState => (ISyncStateStore)Store;

    /// <summary>The same store seen as the mail outbox: every store implements it.</summary>
    public IOutboxStore Outbox => (IOutboxStore)Store;

    public ValueTask DisposeAsync() => cleanUp();
}
