using Paperboy.Semantic.Vectors.Quantization;

namespace Paperboy.Semantic.Vectors.Search;

/// <summary>
/// The brute-force path: every live vector's int8 code against the query's (SIMD), the best
/// k x oversample kept, then those rescored with float32 dot products. Int8 keeps the scan to a
/// quarter of the float32 bytes; rescoring makes the returned scores, and the final order, exact
/// float32 ones. The filter is asked only about vectors that would enter the kept set, so a costly
/// predicate runs on a fraction of the segment.
/// </summary>
internal static class ExactScan
{
    public static List<(int Node, float Similarity)> Search(
        SegmentView view, QueryCodes query, ReadOnlySpan<float> floatQuery, int k, int oversample, Predicate<string>? accept)
    {
        var segment = view.Segment;
        var keep = (int)Math.Min((long)k * oversample, segment.Count);
        var kept = new PriorityQueue<int, float>(keep + 1); // worst first
        var codes = query.Codes;
        for (var ordinal = 0; ordinal < segment.Count; ordinal++)
        {
            if (!view.IsLive(ordinal))
            {
                continue;
            }
            var approximate = Int8Dot.Dot(codes, segment.Code(ordinal)) * segment.Scales[ordinal];
            if (kept.Count == keep && (!kept.TryPeek(out _, out var floor) || approximate <= floor))
            {
                continue;
            }
            if (accept is not null && !accept(segment.Keys[ordinal]))
            {
                continue;
            }
            kept.Enqueue(ordinal, approximate);
            if (kept.Count > keep)
            {
                kept.Dequeue();
            }
        }
        var vectors = view.Vectors;
        var rescored = new List<(int Node, float Similarity)>(kept.Count);
        while (kept.TryDequeue(out var ordinal, out _))
        {
            rescored.Add((ordinal, vectors.Similarity(floatQuery, ordinal)));
        }
        rescored.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
        if (rescored.Count > k)
        {
            rescored.RemoveRange(k, rescored.Count - k);
        }
        return rescored;
    }
}
