using Paperboy.Core.Accounts;

namespace Paperboy.Core.Storage;

/// <summary>Authors and categories each account follows (email digests read them).</summary>
public interface IFollowStore
{
    /// <summary>Follows; false if already followed (the first label is kept).</summary>
    Task<bool> FollowAsync(long accountId, FollowKind kind, string key, string label, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> UnfollowAsync(long accountId, FollowKind kind, string key, CancellationToken cancellationToken);

    Task<bool> IsFollowingAsync(long accountId, FollowKind kind, string key, CancellationToken cancellationToken);

    /// <summary>Everything the account follows: authors first, then categories, each by key.</summary>
    Task<IReadOnlyList<Follow>> ListFollowsAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>The accounts following this author or category.</summary>
    Task<IReadOnlyList<long>> ListFollowerIdsAsync(FollowKind kind, string key, CancellationToken cancellationToken);
}
