using System.Numerics.Tensors;

namespace Paperboy.Bench;

/// <summary>
/// The peer, and the ground truth: every float32 vector's dot product with the query (SIMD, through
/// TensorPrimitives), the best k kept in a heap. What a program without an index would do.
/// </summary>
internal static class FloatBruteForce
{
    public static int[] Top(float[] data, int dimensions, ReadOnlySpan<float> query, int k)
    {
        var kept = new PriorityQueue<int, float>(k + 1); // worst first
        var count = data.Length / dimensions;
        for (var i = 0; i < count; i++)
        {
            var score = TensorPrimitives.Dot(query, data.AsSpan(i * dimensions, dimensions));
            if (kept.Count < k)
            {
                kept.Enqueue(i, score);
            }
            else if (kept.TryPeek(out _, out var floor) && score > floor)
            {
                kept.DequeueEnqueue(i, score);
            }
        }
        var top = new int[kept.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = kept.Dequeue();
        }
        return top;
    }
}
