namespace Paperboy.Core.Storage;

/// <summary>
/// A write already made inside an open transaction, waiting for its commit: the caller does the one
/// thing the write records (writing the end of an SMTP DATA) between the two, so only the commit
/// itself stands between the effect and its record. Disposed without a commit, it rolls back.
/// </summary>
public interface IPendingCommit : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
