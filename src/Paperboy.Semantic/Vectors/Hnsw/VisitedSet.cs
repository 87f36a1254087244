namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>
/// The nodes one search has seen. Clearing bumps a stamp instead of zeroing the array, so a search
/// costs what it visits, not what the graph holds.
/// </summary>
internal sealed class VisitedSet
{
    private int[] _stamps = [];
    private int _stamp;

    public void Reset(int count)
    {
        if (_stamps.Length < count || _stamp == int.MaxValue)
        {
            _stamps = new int[Math.Max(count, _stamps.Length)];
            _stamp = 0;
        }
        _stamp++;
    }

    /// <summary>Marks the node; false if it was already marked since the last reset.</summary>
    public bool Add(int node)
    {
        if (_stamps[node] == _stamp)
        {
            return false;
        }
        _stamps[node] = _stamp;
        return true;
    }
}
