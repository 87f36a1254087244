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
    /// Awaits <paramref name="observer"/> after every batch this store commits, before the upsert
    /// returns, until the result is disposed. An observer that falls behind may hold the writer back
    /// by not completing at once, so an import cannot run ahead of it with every paper in memory; it
    /// must not throw, as the batch is already committed.
    /// </summary>
    IDisposable ObserveBatches(Func<StoredBatch, CancellationToken, ValueTask> observer);
}
