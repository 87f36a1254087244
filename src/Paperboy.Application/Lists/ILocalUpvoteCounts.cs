namespace Paperboy.Application.Lists;

/// <summary>
/// Upvotes given on this installation, per paper, added to the upvotes imported from community
/// sources wherever lists rank or show upvotes. An id missing from the answer has no local upvotes.
/// </summary>
public interface ILocalUpvoteCounts
{
    Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken);
}
