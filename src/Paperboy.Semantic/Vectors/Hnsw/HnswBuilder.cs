namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>
/// Builds a segment's graph by inserting its vectors one by one in order (algorithm 1 of Malkov and
/// Yashunin, arXiv:1603.09320). Levels come from a seeded generator, and insertion is sequential, so
/// the same vectors in the same order always give the same graph: a rebuilt segment answers exactly
/// as the one it replaces.
/// </summary>
internal static class HnswBuilder
{
    /// <summary>Levels above this are never drawn; with M = 16 the odds of reaching it are 16^-16.</summary>
    private const int MaxLevel = 16;

    public static HnswGraph Build(float[] data, int dimensions, int count, int m, int efConstruction, int seed)
    {
        var vectors = new FloatVectors(data, dimensions);
        var random = new Random(seed);
        var levelMultiplier = 1 / Math.Log(m); // mL = 1 / ln(M), the paper's recommended choice
        var links = new int[count][][];
        for (var node = 0; node < count; node++)
        {
            var level = Math.Min(MaxLevel, (int)(-Math.Log(1 - random.NextDouble()) * levelMultiplier));
            links[node] = new int[level + 1][];
            Array.Fill(links[node], []);
        }
        var graph = new HnswGraph(links, entryPoint: -1, topLevel: -1);
        for (var node = 0; node < count; node++)
        {
            Insert(graph, vectors, node, m, efConstruction);
        }
        return graph;
    }

    private static void Insert(HnswGraph graph, FloatVectors vectors, int node, int m, int efConstruction)
    {
        var level = graph.LevelOf(node);
        if (graph.EntryPoint < 0)
        {
            (graph.EntryPoint, graph.TopLevel) = (node, level);
            return;
        }
        var query = vectors[node];
        var entry = graph.EntryPoint;
        for (var layer = graph.TopLevel; layer > level; layer--)
        {
            entry = LayerSearch.Greedy(graph, vectors, query, entry, layer);
        }
        IEnumerable<int> entries = [entry];
        for (var layer = Math.Min(level, graph.TopLevel); layer >= 0; layer--)
        {
            var found = LayerSearch.Beam(graph, vectors, query, entries, efConstruction, layer, accept: null);
            var neighbors = NeighborSelection.Select(vectors, node, found, m);
            graph.SetNeighbors(node, layer, neighbors);
            // Layer 0 holds every node and gets twice the links, as the paper advises (Mmax0 = 2M).
            var maxLinks = layer == 0 ? 2 * m : m;
            foreach (var neighbor in neighbors)
            {
                Link(graph, vectors, neighbor, node, layer, maxLinks);
            }
            entries = found.Select(f => f.Node).ToArray();
        }
        if (level > graph.TopLevel)
        {
            (graph.EntryPoint, graph.TopLevel) = (node, level);
        }
    }

    /// <summary>Adds the back link from <paramref name="from"/> to <paramref name="to"/>, pruning the list with the heuristic when it overflows.</summary>
    private static void Link(HnswGraph graph, FloatVectors vectors, int from, int to, int layer, int maxLinks)
    {
        var existing = graph.Neighbors(from, layer);
        if (existing.Length < maxLinks)
        {
            graph.SetNeighbors(from, layer, [.. existing, to]);
            return;
        }
        var candidates = new List<(int Node, float Similarity)>(existing.Length + 1);
        var anchor = vectors[from];
        foreach (var neighbor in existing)
        {
            candidates.Add((neighbor, vectors.Similarity(anchor, neighbor)));
        }
        candidates.Add((to, vectors.Similarity(anchor, to)));
        candidates.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
        graph.SetNeighbors(from, layer, NeighborSelection.Select(vectors, from, candidates, maxLinks));
    }
}
