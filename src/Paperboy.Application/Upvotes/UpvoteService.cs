using Paperboy.Core.Storage;

namespace Paperboy.Application.Upvotes;

/// <summary>
/// A paper's upvotes as a page shows them: cast here (<paramref name="Local"/>), imported from a community
/// source (<paramref name="Imported"/>, Hugging Face), and whether the reader has upvoted it.
/// </summary>
public sealed record UpvoteState(string PaperId, int Local, int Imported, bool Upvoted)
{
    public int Total => Local + Imported;
}

/// <summary>Upvotes: one per account per paper, on papers the store knows.</summary>
public sealed class UpvoteService(IPaperStore papers, IUpvoteStore upvotes, TimeProvider time)
{
    /// <summary>The paper's upvotes, with the reader's own when signed in; null for an unknown paper.</summary>
    public async Task<UpvoteState?> GetAsync(string paperId, long? accountId, CancellationToken cancellationToken)
    {
        var paper = await papers.GetAsync(paperId, cancellationToken);
        return paper is null ? null : await StateAsync(paper.Id, paper.Engagement?.Upvotes ?? 0, accountId, cancellationToken);
    }

    /// <summary>Upvotes the paper, or withdraws the upvote; null for an unknown paper.</summary>
    public async Task<UpvoteState?> SetAsync(long accountId, string paperId, bool upvoted, CancellationToken cancellationToken)
    {
        var paper = await papers.GetAsync(paperId, cancellationToken);
        if (paper is null)
        {
            return null;
        }
        await upvotes.SetUpvoteAsync(accountId, paper.Id, upvoted, time.GetUtcNow(), cancellationToken);
        return await StateAsync(paper.Id, paper.Engagement?.Upvotes ?? 0, accountId, cancellationToken);
    }

    private async Task<UpvoteState> StateAsync(string id, int imported, long? accountId, CancellationToken cancellationToken)
    {
        var local = await upvotes.CountLocalUpvotesAsync([id], cancellationToken);
        bool mine = accountId is { } account && (await upvotes.ListUpvotedAsync(account, [id], cancellationToken)).Contains(id);
        return new UpvoteState(id, local[id], imported, mine);
    }
}
