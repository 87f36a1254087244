namespace Paperboy.Core.Storage;

/// <summary>
/// Tells a process that the store changed, so derived data (the search index, the vectors) catches up
/// without waiting for a search. PostgreSQL wakes every node at once (LISTEN/NOTIFY); a store that
/// cannot tell returns after the timeout and the caller polls.
/// </summary>
public interface IStoreChanges
{
    /// <summary>Returns true when a change was announced within <paramref name="timeout"/>, false when it passed first.</summary>
    Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
