namespace Paperboy.Application.Accounts;

/// <summary>
/// Sliding-window counters of sign-in requests per address and per client, in memory (one process
/// serves the web app). Time comes from <see cref="TimeProvider"/> so tests move it instead of waiting.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    // Past this many keys, expired ones are dropped, so a flood of distinct addresses cannot grow it without bound.
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _requests = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts one request against every key, if each is under its limit in the window; otherwise counts nothing.</summary>
    public bool TryAcquire(TimeSpan window, params ReadOnlySpan<(string Key, int Limit)> keys)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_requests.Count > PruneAbove)
            {
                Prune(now - window);
            }
            foreach (var (key, limit) in keys)
            {
                if (_requests.TryGetValue(key, out var times) && Trim(times, now - window) >= limit)
                {
                    return false;
                }
            }
            foreach (var (key, _) in keys)
            {
                if (!_requests.TryGetValue(key, out var times))
                {
                    _requests[key] = times = new Queue<DateTimeOffset>();
                }
                times.Enqueue(now);
            }
            return true;
        }
    }

    private static int Trim(Queue<DateTimeOffset> times, DateTimeOffset after)
    {
        while (times.Count > 0 && times.Peek() <= after)
        {
            times.Dequeue();
        }
        return times.Count;
    }

    private void Prune(DateTimeOffset after)
    {
        foreach (var key in _requests.Where(pair => Trim(pair.Value, after) == 0).Select(pair => pair.Key).ToList())
        {
            _requests.Remove(key);
        }
    }
}
