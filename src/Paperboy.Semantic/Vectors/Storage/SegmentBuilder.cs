using Paperboy.Semantic.Vectors.Hnsw;
using Paperboy.Semantic.Vectors.Quantization;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>Turns keys and float32 vectors into a segment: quantizes them and, past the threshold, builds the graph.</summary>
internal static class SegmentBuilder
{
    public static Segment Build(string name, int dimensions, IReadOnlyList<string> keys, float[] vectors, VectorIndexOptions options)
    {
        var count = keys.Count;
        var codes = new sbyte[count * dimensions];
        var scales = new float[count];
        for (var i = 0; i < count; i++)
        {
            scales[i] = Int8Quantizer.Quantize(vectors.AsSpan(i * dimensions, dimensions), codes.AsSpan(i * dimensions, dimensions));
        }
        var graph = count >= options.GraphThreshold
            ? HnswBuilder.Build(vectors, dimensions, count, options.M, options.EfConstruction, options.Seed)
            : null;
        return new Segment(name, dimensions, [.. keys], vectors, codes, scales, graph);
    }
}
