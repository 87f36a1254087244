using Paperboy.Core.Accounts;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Follows;

/// <summary>The outcome of following: the follow as stored, or the rule the input broke.</summary>
public sealed record FollowResult(Follow? Follow, string? Error);

/// <summary>Follows of authors and categories per account, by normalized key (<see cref="FollowKeys"/>).</summary>
public sealed class FollowService(IFollowStore follows, TimeProvider time)
{
    public async Task<FollowResult> FollowAsync(long accountId, FollowKind kind, string? name, CancellationToken cancellationToken)
    {
        if (!FollowKeys.TryNormalize(kind, name, out string key, out string label, out string error))
        {
            return new FollowResult(null, error);
        }
        await follows.FollowAsync(accountId, kind, key, label, time.GetUtcNow(), cancellationToken);
        var all = await follows.ListFollowsAsync(accountId, cancellationToken);
        return new FollowResult(all.First(f => f.Kind == kind && f.Key == key), null);
    }

    /// <summary>Stops following; false when the name is malformed or was not followed.</summary>
    public async Task<bool> UnfollowAsync(long accountId, FollowKind kind, string? name, CancellationToken cancellationToken) =>
        FollowKeys.TryNormalize(kind, name, out string key, out _, out _)
        && await follows.UnfollowAsync(accountId, kind, key, cancellationToken);

    public async Task<bool> IsFollowingAsync(long accountId, FollowKind kind, string? name, CancellationToken cancellationToken) =>
        FollowKeys.TryNormalize(kind, name, out string key, out _, out _)
        && await follows.IsFollowingAsync(accountId, kind, key, cancellationToken);

    public Task<IReadOnlyList<Follow>> ListAsync(long accountId, CancellationToken cancellationToken) =>
        follows.ListFollowsAsync(accountId, cancellationToken);
}
