using Paperboy.Application.Lists;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Upvotes;

/// <summary>The lists' local upvotes: the accounts' votes in the store, one per account per paper.</summary>
public sealed class StoredLocalUpvoteCounts(IUpvoteStore store) : ILocalUpvoteCounts
{
    public Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken) =>
        store.CountLocalUpvotesAsync(paperIds, cancellationToken);
}
