namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>
/// The two walks over one layer that both building and searching use: a greedy descent on the upper
/// layers (algorithm 2 of Malkov and Yashunin with ef = 1) and the beam search (algorithm 2) on the
/// layer where neighbours are chosen or results collected.
/// </summary>
internal static class LayerSearch
{
    /// <summary>Moves from <paramref name="entry"/> to ever closer neighbours until none is closer.</summary>
    public static int Greedy(HnswGraph graph, FloatVectors vectors, ReadOnlySpan<float> query, int entry, int level)
    {
        var best = entry;
        var bestSimilarity = vectors.Similarity(query, entry);
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var neighbor in graph.Neighbors(best, level))
            {
                var similarity = vectors.Similarity(query, neighbor);
                if (similarity > bestSimilarity)
                {
                    (best, bestSimilarity, moved) = (neighbor, similarity, true);
                }
            }
        }
        return best;
    }

    /// <summary>
    /// The <paramref name="ef"/> nodes closest to the query that <paramref name="accept"/> admits,
    /// best first. Rejected nodes are walked through but never returned, and the walk only stops once
    /// ef accepted nodes are found and no candidate is closer than the worst of them: a filter makes
    /// the walk longer, never the answer shorter than what the reachable graph holds.
    /// </summary>
    public static List<(int Node, float Similarity)> Beam(
        HnswGraph graph, FloatVectors vectors, ReadOnlySpan<float> query, IEnumerable<int> entries, int ef, int level, NodeFilter? accept)
    {
        var scratch = SearchScratch.ForThisThread();
        var (visited, candidates, results) = (scratch.Visited, scratch.Candidates, scratch.Results);
        visited.Reset(graph.Count);
        candidates.Clear();
        results.Clear();
        foreach (var entry in entries)
        {
            if (visited.Add(entry))
            {
                var similarity = vectors.Similarity(query, entry);
                candidates.Enqueue(entry, -similarity);
                Offer(results, entry, similarity, ef, accept);
            }
        }
        while (candidates.TryDequeue(out var current, out var negated))
        {
            if (results.Count >= ef && results.TryPeek(out _, out var worst) && -negated < worst)
            {
                break;
            }
            foreach (var neighbor in graph.Neighbors(current, level))
            {
                if (!visited.Add(neighbor))
                {
                    continue;
                }
                var similarity = vectors.Similarity(query, neighbor);
                if (results.Count < ef || (results.TryPeek(out _, out var floor) && similarity > floor))
                {
                    candidates.Enqueue(neighbor, -similarity);
                    Offer(results, neighbor, similarity, ef, accept);
                }
            }
        }
        var found = new List<(int, float)>(results.Count);
        while (results.TryDequeue(out var node, out var similarity))
        {
            found.Add((node, similarity));
        }
        found.Reverse();
        return found;
    }

    private static void Offer(PriorityQueue<int, float> results, int node, float similarity, int ef, NodeFilter? accept)
    {
        if (accept is not null && !accept(node))
        {
            return;
        }
        results.Enqueue(node, similarity);
        if (results.Count > ef)
        {
            results.Dequeue();
        }
    }
}
