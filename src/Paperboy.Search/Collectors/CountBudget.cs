namespace Paperboy.Search.Collectors;

/// <summary>
/// The matches the threads of one search have counted together, against the number past which
/// the search no longer needs an exact total (<see cref="SearchRequest.ExactTotalUpTo"/>): once it is
/// reached, every thread stops counting and only ranks.
/// </summary>
internal sealed class CountBudget(int limit)
{
    private int _counted;

    public bool Reached => Volatile.Read(ref _counted) >= limit;

    public void Add(int matches) => Interlocked.Add(ref _counted, matches);
}
