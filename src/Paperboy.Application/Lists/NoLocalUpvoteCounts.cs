namespace Paperboy.Application.Lists;

/// <summary>The default <see cref="ILocalUpvoteCounts"/>: no paper has local upvotes until accounts can give them.</summary>
public sealed class NoLocalUpvoteCounts : ILocalUpvoteCounts
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();

    public Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken) =>
        Task.FromResult(None);
}
