using Paperboy.Semantic.Vectors.Hnsw;

namespace Paperboy.Semantic.Vectors.Search;

/// <summary>
/// Chooses the path for one segment: the exact scan for small segments, when asked, or when the
/// filter is selective; the HNSW graph otherwise, falling back to the scan if the graph finds fewer
/// than k accepted vectors (a heavily deleted or filtered region the walk could not reach).
/// </summary>
internal static class SegmentSearch
{
    /// <summary>How many vectors the filter is tried on to estimate how many it accepts.</summary>
    private const int FilterSample = 128;

    /// <summary>
    /// Below this accepted fraction the graph walk is no cheaper than the scan: to collect ef
    /// accepted nodes the beam must walk about ef / fraction nodes, each costing a few dozen
    /// similarities, which at 5% and ef = 100 is already tens of thousands of float32 dot products.
    /// </summary>
    private const double SelectiveFilter = 0.05;

    public static List<(int Node, float Similarity)> Search(
        SegmentView view, ReadOnlySpan<float> query, QueryCodes codes, int k, VectorSearchOptions options, VectorIndexOptions tuning)
    {
        if (view.LiveCount == 0)
        {
            return [];
        }
        var accept = options.Accept;
        var graph = view.Segment.Graph;
        if (graph is null || options.Exact || (accept is not null && AcceptedFraction(view, accept) < SelectiveFilter))
        {
            return ExactScan.Search(view, codes, query, k, tuning.Oversample, accept);
        }
        var keys = view.Segment.Keys;
        NodeFilter? filter = (accept, view.Deleted.Count) switch
        {
            (null, 0) => null,
            (null, _) => view.IsLive,
            _ => node => view.IsLive(node) && accept(keys[node]),
        };
        var found = HnswSearcher.Search(graph, view.Vectors, query, k, options.Ef ?? tuning.EfSearch, filter);
        return found.Count >= Math.Min(k, view.LiveCount)
            ? found
            : ExactScan.Search(view, codes, query, k, tuning.Oversample, accept);
    }

    /// <summary>The fraction of an evenly spaced sample of live vectors that the filter accepts.</summary>
    private static double AcceptedFraction(SegmentView view, Predicate<string> accept)
    {
        var segment = view.Segment;
        var step = Math.Max(1, segment.Count / FilterSample);
        var (tried, accepted) = (0, 0);
        for (var ordinal = 0; ordinal < segment.Count; ordinal += step)
        {
            if (view.IsLive(ordinal))
            {
                tried++;
                accepted += accept(segment.Keys[ordinal]) ? 1 : 0;
            }
        }
        return tried == 0 ? 0 : (double)accepted / tried;
    }
}
