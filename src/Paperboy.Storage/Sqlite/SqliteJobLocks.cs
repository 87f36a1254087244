using Paperboy.Core.Storage;

namespace Paperboy.Storage.Sqlite;

/// <summary>Job locks on SQLite: always granted.</summary>
public sealed partial class SqlitePaperStore : IJobLocks
{
    // A SQLite store lives in one node's data directory, so there is no other node to keep out; within
    // the node the schedulers already run their jobs one after another, and SQLite's single writer
    // serializes a CLI sync run beside them.
    public Task<IAsyncDisposable?> TryAcquireJobLockAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
