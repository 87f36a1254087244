namespace Paperboy.Search.Indexing;

/// <summary>
/// A segment's computed filter bits, by filter (<see cref="Queries.FilterSet.Key"/>). Segments never
/// change, so bits stay right for the segment's life; the same filters recur (a lab reads the same few
/// categories), so most filtered searches find theirs here. Bounded: past
/// <see cref="MaxEntries"/> filters the cache starts over, which costs recomputing, never a wrong answer.
/// </summary>
internal sealed class FilterBitsCache
{
    public const int MaxEntries = 64;

    private readonly Dictionary<string, ulong[]> _bits = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ulong[] GetOrAdd(string key, Func<ulong[]> compute)
    {
        lock (_lock)
        {
            if (_bits.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }
        // Computed outside the lock: two searches may both compute the same bits, and both are right.
        var bits = compute();
        lock (_lock)
        {
            if (_bits.Count >= MaxEntries)
            {
                _bits.Clear();
            }
            _bits[key] = bits;
        }
        return bits;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _bits.Count;
            }
        }
    }
}
