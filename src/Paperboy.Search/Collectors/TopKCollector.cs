namespace Paperboy.Search.Collectors;

/// <summary>
/// Keeps the best k matches in a min-heap whose root is the worst one kept, so each further
/// match costs one comparison unless it beats that root. Counts every match as it goes.
/// The order is given by a comparison where "less" means "ranks higher".
/// </summary>
internal sealed class TopKCollector : ICollector
{
    private readonly int _k;
    private readonly Comparison<ScoredDoc> _ranksBefore;
    private readonly ScoredDoc[] _heap;
    private int _size;

    public TopKCollector(int k, Comparison<ScoredDoc> ranksBefore)
    {
        _k = Math.Max(0, k);
        _ranksBefore = ranksBefore;
        _heap = new ScoredDoc[_k];
    }

    /// <summary>An empty collector keeping as many, in the same order: one per group of segments searched in parallel.</summary>
    public TopKCollector Empty() => new(_k, _ranksBefore);

    /// <summary>Relevance, ties broken by lower doc id so results are deterministic.</summary>
    public static int ByScore(ScoredDoc a, ScoredDoc b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Doc.CompareTo(b.Doc);
    }

    /// <summary>How many matches <see cref="Collect"/> saw (<see cref="Offer"/> does not count).</summary>
    public int TotalMatches { get; private set; }

    /// <summary>
    /// In the order <see cref="ByScore"/>, with documents offered in increasing id: the score a document
    /// must beat to be kept. Negative infinity until k documents are kept, positive infinity when k is 0.
    /// A document that only equals it is never kept: the one it ties with has a lower id, so ranks first.
    /// </summary>
    public double MinCompetitiveScore => _size < _k ? double.NegativeInfinity : _k == 0 ? double.PositiveInfinity : _heap[0].Score;

    public void Collect(int doc, double score)
    {
        TotalMatches++;
        Offer(doc, score);
    }

    /// <summary>Keeps the document if it ranks among the best k so far, without counting it as a match.</summary>
    public void Offer(int doc, double score)
    {
        if (_k == 0)
        {
            return;
        }
        var candidate = new ScoredDoc(doc, score);
        if (_size < _k)
        {
            _heap[_size] = candidate;
            SiftUp(_size++);
        }
        else if (_ranksBefore(candidate, _heap[0]) < 0)
        {
            _heap[0] = candidate;
            SiftDown(0);
        }
    }

    /// <summary>The kept matches, best first.</summary>
    public ScoredDoc[] Results()
    {
        var results = _heap.AsSpan(0, _size).ToArray();
        Array.Sort(results, _ranksBefore);
        return results;
    }

    // Heap order: a parent ranks after (is worse than) its children.
    private bool Worse(int i, int j) => _ranksBefore(_heap[i], _heap[j]) > 0;

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(i, parent))
            {
                return;
            }
            (_heap[i], _heap[parent]) = (_heap[parent], _heap[i]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            var worst = i;
            if (left < _size && Worse(left, worst))
            {
                worst = left;
            }
            if (left + 1 < _size && Worse(left + 1, worst))
            {
                worst = left + 1;
            }
            if (worst == i)
            {
                return;
            }
            (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
            i = worst;
        }
    }
}
