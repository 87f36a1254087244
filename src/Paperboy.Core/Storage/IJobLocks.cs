namespace Paperboy.Core.Storage;

/// <summary>
/// Locks that keep a scheduled job (a source's sync, a digest run) to one node at a time when several
/// `paperboy serve` processes share a store (docs/STORE.md).
/// </summary>
public interface IJobLocks
{
    /// <summary>
    /// The lock named <paramref name="name"/>, held until the result is disposed; null at once, without
    /// waiting, when another holder has it. The lock also ends with the holder's process.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireJobLockAsync(string name, CancellationToken cancellationToken);
}
