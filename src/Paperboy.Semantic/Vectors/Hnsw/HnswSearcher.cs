namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>A k-nearest search on a built graph: greedy down the upper layers, then a beam of width ef on layer 0.</summary>
internal static class HnswSearcher
{
    public static List<(int Node, float Similarity)> Search(
        HnswGraph graph, FloatVectors vectors, ReadOnlySpan<float> query, int k, int ef, NodeFilter? accept)
    {
        if (graph.EntryPoint < 0)
        {
            return [];
        }
        var entry = graph.EntryPoint;
        for (var layer = graph.TopLevel; layer > 0; layer--)
        {
            entry = LayerSearch.Greedy(graph, vectors, query, entry, layer);
        }
        var found = LayerSearch.Beam(graph, vectors, query, [entry], Math.Max(ef, k), level: 0, accept);
        if (found.Count > k)
        {
            found.RemoveRange(k, found.Count - k);
        }
        return found;
    }
}
