using Paperboy.Core.Accounts;

namespace Paperboy.Core.Storage;

/// <summary>
/// Upvotes cast on this installation: one per account per paper. The community count imported with a
/// paper (<see cref="Papers.PaperEngagement.Upvotes"/>) is separate; a reader of both adds them.
/// </summary>
public interface IUpvoteStore
{
    /// <summary>Casts (<paramref name="upvoted"/> true) or withdraws an upvote; false when that was already the state.</summary>
    Task<bool> SetUpvoteAsync(long accountId, string paperId, bool upvoted, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Which of these papers the account has upvoted.</summary>
    Task<IReadOnlySet<string>> ListUpvotedAsync(long accountId, IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken);

    /// <summary>Local upvotes per paper, all time: every id asked for is in the answer, 0 when it has none.</summary>
    Task<IReadOnlyDictionary<string, int>> CountLocalUpvotesAsync(IReadOnlyCollection<string> paperIds, CancellationToken cancellationToken);

    /// <summary>
    /// Local upvotes per paper cast in [<paramref name="from"/>, <paramref name="to"/>), for every paper
    /// that has any: what a trending list over a window counts.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountLocalUpvotesCastBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Each local upvote cast in [<paramref name="from"/>, <paramref name="to"/>), oldest first, with its
    /// time: what a trending score that decays with each vote's age reads.
    /// </summary>
    Task<IReadOnlyList<LocalUpvote>> ListLocalUpvotesCastBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
