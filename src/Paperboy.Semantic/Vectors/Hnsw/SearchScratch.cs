namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>
/// The working memory of one layer search, kept per thread so that searches allocate nothing per
/// query once warm, and concurrent searches on one snapshot never share it.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? _current;

    public VisitedSet Visited { get; } = new();

    /// <summary>Nodes still to expand, best first (priority: negated similarity).</summary>
    public PriorityQueue<int, float> Candidates { get; } = new();

    /// <summary>The best nodes found so far, worst first (priority: similarity), at most ef of them.</summary>
    public PriorityQueue<int, float> Results { get; } = new();

    public static SearchScratch ForThisThread() => _current ??= new SearchScratch();
}
