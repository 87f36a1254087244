using System.Collections.Concurrent;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Searching;

/// <summary>
/// The batches a store reports while an import is followed, kept until the next round takes them.
/// A store that does not report its batches leaves this empty, and the rounds read the change feed.
/// </summary>
internal sealed class StoredBatchQueue : IDisposable
{
    private readonly ConcurrentQueue<StoredBatch> _batches = new();
    private readonly IDisposable? _observation;

    public StoredBatchQueue(IPaperStore store)
    {
        _observation = (store as IStoredBatchSource)?.ObserveBatches(_batches.Enqueue);
    }

    /// <summary>The batches reported since the last call, in commit order.</summary>
    public List<StoredBatch> TakeAll()
    {
        var taken = new List<StoredBatch>(_batches.Count);
        while (_batches.TryDequeue(out var batch))
        {
            taken.Add(batch);
        }
        return taken;
    }

    public void Dispose() => _observation?.Dispose();
}
