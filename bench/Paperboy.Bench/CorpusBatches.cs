using Paperboy.Core.Papers;
using Paperboy.Ingest.Kaggle;

namespace Paperboy.Bench;

/// <summary>
/// The written corpus read back with the Kaggle reader in batches of parsed papers. The builds are
/// timed per batch, with the reading between batches off the clock, so JSON parsing is in neither
/// rate and no corpus size needs every paper in memory at once (2.7M papers would need about 38 GB).
/// </summary>
internal static class CorpusBatches
{
    public const int Size = 50_000;

    public static async IAsyncEnumerable<List<Paper>> ReadAsync(string path, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<Paper>(Math.Min(Size, limit));
        var read = 0;
        await using var input = File.OpenRead(path);
        await foreach (var record in new KaggleSnapshotReader().ReadAsync(input, path, cancellationToken))
        {
            batch.Add(record.Paper ?? throw new InvalidOperationException($"bench: synthetic record rejected: {record.Error}"));
            if (++read == limit)
            {
                break;
            }
            if (batch.Count == Size)
            {
                yield return batch;
                batch = new List<Paper>(Size);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
