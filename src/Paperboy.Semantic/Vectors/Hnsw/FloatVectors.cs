using System.Numerics.Tensors;

namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>
/// A segment's float32 vectors, row after row, as the graph sees them. The graph compares in
/// float32 rather than int8: a build decides each link once and keeps it, so its comparisons should
/// be exact, and a search's similarities are then already the final float32 scores (the "rescoring"
/// of the graph path costs nothing). The SIMD float dot product of 384 dimensions takes a few dozen
/// nanoseconds; the walk's cost is in its cache misses, which int8 would shrink fourfold.
/// </summary>
internal readonly struct FloatVectors(float[] data, int dimensions)
{
    public int Dimensions => dimensions;

    public ReadOnlySpan<float> this[int node] => data.AsSpan(node * dimensions, dimensions);

    public float Similarity(ReadOnlySpan<float> query, int node) => TensorPrimitives.Dot(query, this[node]);

    public float Similarity(int a, int b) => TensorPrimitives.Dot(this[a], this[b]);
}
