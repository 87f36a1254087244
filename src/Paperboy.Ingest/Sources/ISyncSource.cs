namespace Paperboy.Ingest.Sources;

/// <summary>
/// A remote source of papers. A sync asks it for batches; each batch carries the checkpoint to save
/// once its papers are stored, so a process killed at any point resumes after the last stored batch
/// and never skips one (a batch fetched twice only finds its papers unchanged).
/// </summary>
public interface ISyncSource
{
    /// <summary>The name used on the command line and in the status page: arxiv-api, oai-pmh, hf-daily, arxiv-rss.</summary>
    string Name { get; }

    IAsyncEnumerable<SyncBatch> FetchAsync(SyncContext context, CancellationToken cancellationToken);
}
