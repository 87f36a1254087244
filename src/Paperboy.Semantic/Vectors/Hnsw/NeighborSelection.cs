namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>
/// The neighbour selection heuristic (algorithm 4 of Malkov and Yashunin): take candidates closest
/// first, and keep one only if it is closer to the base node than to every neighbour already kept.
/// Links then point in different directions instead of all into the nearest cluster, which keeps
/// clustered data navigable between clusters; simply keeping the M closest does not.
/// </summary>
internal static class NeighborSelection
{
    /// <param name="candidates">best first, with their similarity to <paramref name="baseNode"/></param>
    public static int[] Select(FloatVectors vectors, int baseNode, List<(int Node, float Similarity)> candidates, int max)
    {
        var kept = new List<int>(max);
        foreach (var (candidate, similarityToBase) in candidates)
        {
            if (kept.Count == max)
            {
                break;
            }
            if (candidate == baseNode)
            {
                continue;
            }
            var diverse = true;
            foreach (var chosen in kept)
            {
                if (vectors.Similarity(candidate, chosen) > similarityToBase)
                {
                    diverse = false;
                    break;
                }
            }
            if (diverse)
            {
                kept.Add(candidate);
            }
        }
        return [.. kept];
    }
}
