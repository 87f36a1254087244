namespace Paperboy.Core.Storage;

/// <summary>
/// A store that hands each batch it commits to observers in the same process, so whatever follows an
/// import (the search index) takes the papers as written instead of reading them back. Only this store
/// object's own batches are reported: another process's, or one that changed nothing, never are, and an
/// observer sees them as a gap in the generations and reads the change feed for it instead.
/// </summary>
public interface IStoredBatchSource
{
    /// <summary>
    /// Calls <paramref name="observer"/> after every batch this store commits, on the committing thread,
    /// until the result is disposed. It must be quick and must not throw: the batch is already committed.
    /// </summary>
    IDisposable ObserveBatches(Action<StoredBatch> observer);
}
