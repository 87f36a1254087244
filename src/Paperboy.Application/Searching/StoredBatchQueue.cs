using System.Threading.Channels;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Searching;

/// <summary>
/// The batches a store reports while an import is followed, kept until a round takes them. It holds
/// at most <see cref="Capacity"/>: a store that reports more waits, so the import never runs ahead of
/// the index with its papers piling up in memory (at 1M papers, several GB and slower collections).
/// A store that does not report its batches leaves this empty, and the rounds read the change feed.
/// </summary>
internal sealed class StoredBatchQueue : IDisposable
{
    /// <summary>Batches waiting at most: one being indexed and one more keep both sides busy.</summary>
    public const int Capacity = 2;

    private readonly Channel<StoredBatch> _batches =
        Channel.CreateBounded<StoredBatch>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly IDisposable? _observation;

    public StoredBatchQueue(IPaperStore store)
    {
        Reports = store is IStoredBatchSource;
        _observation = (store as IStoredBatchSource)?.ObserveBatches(EnqueueAsync);
    }

    /// <summary>Whether the store reports its batches here; if not, only the change feed tells what changed.</summary>
    public bool Reports { get; }

    /// <summary>The batches reported since the last call, in commit order.</summary>
    public List<StoredBatch> TakeAll()
    {
        var taken = new List<StoredBatch>(Capacity);
        while (_batches.Reader.TryRead(out var batch))
        {
            taken.Add(batch);
        }
        return taken;
    }

    /// <summary>Completes when a batch is waiting (or the queue is closed).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _batches.Reader.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>Stops taking reports; a store waiting for room goes on at once, and the feed has what it reported.</summary>
    public void Dispose()
    {
        _observation?.Dispose();
        _batches.Writer.TryComplete();
    }

    private async ValueTask EnqueueAsync(StoredBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await _batches.Writer.WriteAsync(batch, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The follow has ended; whatever it missed, the next catch-up reads from the change feed.
        }
    }
}
